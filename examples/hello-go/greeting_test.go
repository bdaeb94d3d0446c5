package main

import "testing"

func TestGreeting(t *testing.T) {
	cases := map[string]string{"": "hello, world", "  ada ": "hello, ada", "Grace": "hello, Grace"}
	for name, want := range cases {
		if got := greeting(name); got != want {
			t.Errorf("greeting(%q) = %q, want %q", name, got, want)
		}
	}
}
