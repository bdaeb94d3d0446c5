package main

import "strings"

// greeting says hello to name, or to the world when there is no name.
func greeting(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		name = "world"
	}
	return "hello, " + name
}
