import { startTestServer, ADMIN_KEY } from '../../support/test-server.js';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { AddressInfo } from 'node:net';
const s = await startTestServer({ nodes: 5 });
await s.advance(1000);
await new Promise<void>((r) => s.api.httpServer.listen(0, '127.0.0.1', () => r()));
const port = (s.api.httpServer.address() as AddressInfo).port;
const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, connectionParams: { apiKey: ADMIN_KEY }, retryAttempts: 0, on: { closed: (e) => console.log('closed event', (e as {code:number}).code, (e as {reason:string}).reason) } });
const it3 = client.iterate({ query: 'subscription { events { cursor ' });
try { const n = await it3.next(); console.log('syntax next', JSON.stringify(n)); } catch (e) { console.log('syntax err', (e as {code:number}).code, (e as {reason:string}).reason); }
const c2 = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, connectionParams: { apiKey: ADMIN_KEY }, retryAttempts: 0 });
const it4 = c2.iterate({ query: 'subscription { events { color } }' });
try { const n = await it4.next(); console.log('valid next', JSON.stringify(n)); } catch (e) { console.log('valid err', JSON.stringify(e)); }
const it5 = c2.iterate({ query: '{ clusterNode(nodeId: "node-2") { nodeId status } }' });
console.log('query over ws', JSON.stringify(await it5.next()));
await c2.dispose(); await client.dispose();
// heartbeat 0 damage
const q = async (query: string) => (await s.http.post('/graphql').set('X-API-Key', ADMIN_KEY).send({ query })).body;
console.log(JSON.stringify(await q('mutation { updateClusterConfig(config: {heartbeatIntervalMs: 0}) { config { heartbeatIntervalMs } } }')));
await s.advance(10000);
console.log(JSON.stringify(await q('{ clusterConfig { heartbeatIntervalMs } clusterNodes { nodeId status } }')));
const rest = await s.http.get('/api/v1/cluster/config').set('X-API-Key', ADMIN_KEY);
console.log(rest.status, JSON.stringify(rest.body).slice(0, 300));
await s.close();
