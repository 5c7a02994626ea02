export { addClient, listClients, revokeClient, type Open311ClientView } from './clients.ts';
export { registerOpen311Routes } from './routes.ts';
export { OPEN311_REQUESTS_SCOPE, OPEN311_SUBMIT_LIMIT_PER_HOUR } from './settings.ts';
