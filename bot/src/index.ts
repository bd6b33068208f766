// The server's entry point (`npm start`, App Service): see main.ts.
import { main } from './main.js';

void main();
