import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectApi } from './api/connect';
import './styles.css';

performance.mark('na62:main'); // start-up milestones for bench/startup-profile.mjs
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App api={connectApi()} />
  </StrictMode>,
);
