#ifndef GREETING_H
#define GREETING_H
/* Says hello to name, or to the world when name is empty. The result lives until the next call. */
const char *greeting(const char *name);
#endif
