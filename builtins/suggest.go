package builtins

import "strings"

// Suggest picks the candidate a misspelled name most likely meant: one that
// differs only in case (resultOf → resultof), else the closest by edit
// distance (insertions, deletions, substitutions and swaps of neighbours,
// ignoring case) within a cutoff that grows with the name's length: none
// for names of one or two characters, one edit up to five, two up to
// eight, three beyond. Ties go to the earlier candidate. A name that is
// itself a candidate gets no suggestion.
func Suggest(name string, candidates []string) (string, bool) {
	for _, c := range candidates {
		if c == name {
			return "", false
		}
	}
	for _, c := range candidates {
		if strings.EqualFold(c, name) {
			return c, true
		}
	}
	limit := maxEdits(len(name))
	best, bestDist := "", limit+1
	lower := strings.ToLower(name)
	for _, c := range candidates {
		if d := editDistance(lower, strings.ToLower(c), bestDist); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, best != ""
}

func maxEdits(n int) int {
	switch {
	case n <= 2:
		return 0
	case n <= 5:
		return 1
	case n <= 8:
		return 2
	}
	return 3
}

// editDistance is the optimal-string-alignment distance between a and b,
// counted in bytes, or bound when it is at least bound.
func editDistance(a, b string, bound int) int {
	if d := len(a) - len(b); d >= bound || -d >= bound {
		return bound
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin >= bound {
			return bound
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], bound)
}

// SuggestEvent proposes the event a descriptor that names no known event
// probably meant: a known misspelling or Events-dialog label first, else the
// closest catalogued event name (families excluded).
func SuggestEvent(descriptor string) (string, bool) {
	if c, ok := Misspelling(descriptor); ok {
		return c, true
	}
	var names []string
	for _, e := range events {
		if !e.Family() {
			names = append(names, e.Name)
		}
	}
	return Suggest(ParseDescriptor(descriptor).Stem(), names)
}
