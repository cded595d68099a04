package main

import udiff "github.com/aymanbagabas/go-udiff"

// unifiedDiff returns the unified diff that turns a into b, under the
// file's name on both sides (patch -p0 applies it); "" when they are equal.
// Lines keep their own line breaks, so a CRLF file shows as it is.
func unifiedDiff(name string, a, b []byte) string {
	return udiff.Unified(name, name, string(a), string(b))
}
