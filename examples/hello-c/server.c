/* hello-c: a small HTTP server. GET / greets, GET /healthz answers "ok". It stops on SIGTERM,
 * which is what `docker stop` sends. One connection at a time: enough for a greeting. */
#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "greeting.h"

#define DEFAULT_PORT 8080

static volatile sig_atomic_t stopping = 0;
static void stop(int signal_number) { (void)signal_number; stopping = 1; }

static void answer(int client) {
  char request[2048] = {0};
  ssize_t got = read(client, request, sizeof request - 1);
  if (got <= 0) return;
  char body[256];
  if (strncmp(request, "GET /healthz", 12) == 0) snprintf(body, sizeof body, "ok\n");
  else snprintf(body, sizeof body, "%s\n", greeting(""));
  char response[512];
  int length = snprintf(response, sizeof response,
                        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n%s",
                        strlen(body), body);
  if (write(client, response, (size_t)length) < 0) perror("write");
}

int main(void) {
  const char *port = getenv("PORT");
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  int yes = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(port ? (uint16_t)atoi(port) : DEFAULT_PORT), .sin_addr.s_addr = htonl(INADDR_ANY)};
  if (bind(listener, (struct sockaddr *)&address, sizeof address) < 0 || listen(listener, 16) < 0) {
    perror("listen");
    return 1;
  }
  struct sigaction action = {.sa_handler = stop};
  sigaction(SIGTERM, &action, NULL);
  sigaction(SIGINT, &action, NULL);
  printf("listening on :%d\n", ntohs(address.sin_port));
  fflush(stdout);
  while (!stopping) {
    int client = accept(listener, NULL, NULL);
    if (client < 0) continue;
    answer(client);
    close(client);
  }
  return 0;
}
