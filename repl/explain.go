package repl

import (
	"context"
	"fmt"

	"github.com/condeval/condeval/runtime"
)

// cmdExplain evaluates a condition as typing it does, then lays out the
// value of every part the evaluation reached and lints it for the loaded
// event.
func (s *Session) cmdExplain(arg string, e entry) error {
	src := arg
	if src == "" {
		if s.last == "" {
			return fmt.Errorf("usage: :explain EXPR (or type a condition first and then :explain)")
		}
		src = s.last
	}
	c, err := runtime.Compile(src)
	if err != nil {
		s.syntaxError(e, src, err)
		return nil
	}
	var ex *runtime.Explanation
	env := s.env()
	r := c.Eval(context.Background(), env, runtime.Explain(func(x *runtime.Explanation) { ex = x }))
	s.showResult(e, src, env, r)
	fmt.Fprint(s.out, ex)
	return s.cmdLint(src, e)
}
