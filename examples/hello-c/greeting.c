#include "greeting.h"

#include <stdio.h>

const char *greeting(const char *name) {
  static char text[128];
  snprintf(text, sizeof text, "hello, %s", name && *name ? name : "world");
  return text;
}
