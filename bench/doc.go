// Package bench measures condeval's runtime side by side with the engines a
// user would pick instead — goja used raw, expr-lang/expr and cel-go — and
// with a hand-written Go function per condition, the floor every result is
// divided by. It is its own module so the main module never depends on the
// peers. The workload lives outside the _test files so the equality test and
// the benchmarks share it; see README.md for how to run and read it.
package bench
