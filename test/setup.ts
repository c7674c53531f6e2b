// Tests run without a DOM; nothing global to set up beyond making sure no test reaches the real Electron.
export {};
