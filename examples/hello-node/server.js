// hello-node: GET / greets (?name=ada), GET /healthz answers "ok". It stops cleanly on SIGTERM,
// which is what `docker stop` sends.
const express = require('express');
const { greeting } = require('./greeting');

const app = express();
app.get('/', (req, res) => res.type('text').send(`${greeting(req.query.name)}\n`));
app.get('/healthz', (_req, res) => res.type('text').send('ok\n'));

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, () => console.log(`listening on :${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
