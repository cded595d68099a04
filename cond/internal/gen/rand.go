package gen

// rng is SplitMix64: tiny, fast and fully specified, so a seed gives the same
// corpus on every Go version (math/rand/v2 does not promise stable streams
// for its convenience methods).
type rng struct{ state uint64 }

func (r *rng) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	z := r.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n).
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// chance reports true with probability 1/n.
func (r *rng) chance(n int) bool { return r.intn(n) == 0 }

// pick returns one element of list.
func pick[T any](r *rng, list []T) T { return list[r.intn(len(list))] }
