/** The main window and its locked-down web preferences. */
import { BrowserWindow } from 'electron';

/**
 * The main window. Its options are one literal at the constructor on purpose: the security scanner
 * (npm run security) reads them there, and test/unit/main-security.test.ts checks the same object.
 */
/** `iconPath`: assets/icons/icon-512.png (the window and taskbar icon on Linux and Windows). */
export function createMainWindow(preloadPath: string, backgroundColor: string, iconPath?: string): BrowserWindow {
  return new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'NA62 Event Display',
    backgroundColor,
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // middle-click would open links in new windows; the app has no use for auxclick
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
