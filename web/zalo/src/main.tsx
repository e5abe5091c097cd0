import { createRoot } from 'react-dom/client';
import 'zmp-ui/zaui.css';
import './styles.css';
import { HieuLuatApp } from './App.js';

// Zalo's runtime gives the Mini App a <div id="app"> (app-config.json lists the built files).
createRoot(document.getElementById('app')!).render(<HieuLuatApp />);
