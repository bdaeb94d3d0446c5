import { loopbackBind } from '../../generators/core/detect/loopback.js';

/** Each language's usual way of binding to loopback is found with its line; binding every interface is not. */
describe('loopbackBind', () => {
  test.each([
    ['server.js', "app.listen(3000, '127.0.0.1', () => {});", '127.0.0.1'],
    ['index.ts', "await fastify.listen({ port: 3000, host: 'localhost' })", 'localhost'],
    ['main.go', 'log.Fatal(http.ListenAndServe("127.0.0.1:8080", nil))', '127.0.0.1'],
    ['main.go', 'srv := &http.Server{Addr: "localhost:9000"}', 'localhost'],
    ['app.py', "    app.run(host='127.0.0.1', port=5000)", '127.0.0.1'],
    ['Procfile', 'web: gunicorn --bind 127.0.0.1:8000 app:app', '127.0.0.1'],
    ['server.c', '    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);', 'INADDR_LOOPBACK'],
    ['server.c', '    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);', '127.0.0.1'],
  ])('%s: %s', (file, line, address) => {
    expect(loopbackBind([{ file, text: `// header\n${line}\n` }])).toEqual({ file, line: 2, address });
  });

  test.each([
    ['server.js', "app.listen(3000, '0.0.0.0');"],
    ['server.js', '// app.listen(3000, "127.0.0.1") was the old way'],
    ['client.js', "fetch('http://localhost:3000/api')"],
    ['main.go', 'http.ListenAndServe(":8080", nil)'],
  ])('%s: %s is no loopback bind', (file, line) => {
    expect(loopbackBind([{ file, text: line }])).toBeUndefined();
  });
});
