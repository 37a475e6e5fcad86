import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './lib/zod-messages.js';
import { App } from './app/app.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
