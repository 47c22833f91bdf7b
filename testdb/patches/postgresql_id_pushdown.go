// Added to FerretDB v1.24.2's PostgreSQL backend by our launcher build (see patches.json): an
// `_id` equality written so PostgreSQL can answer it from the `_id` index. Upstream writes
// every equality as `_jsonb->$1 @> $2`, which no btree index serves (containment, and a key
// given as a parameter), so a lookup by `_id` read the whole table. For a string or number
// `_id` (never an array or document in MongoDB) containment and equality are the same test.
package postgresql

import (
	"fmt"
	"math"

	"github.com/FerretDB/FerretDB/internal/backends/postgresql/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

const maxExactInteger = 1 << 53

// idEqual returns the indexable condition for `_id: v`, or "" when upstream's is to be used.
func idEqual(p *metadata.Placeholder, key string, v any) (string, []any) {
	if key != "_id" {
		return "", nil
	}

	switch v := v.(type) {
	case string:
		return fmt.Sprintf("%s = %s", metadata.IDColumn, p.Next()), []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
	case int32:
		return fmt.Sprintf("%s = %s", metadata.IDColumn, p.Next()), []any{v}
	case int64:
		if v > maxExactInteger || v < -maxExactInteger {
			return "", nil
		}
		return fmt.Sprintf("%s = %s", metadata.IDColumn, p.Next()), []any{v}
	case float64:
		if v != math.Trunc(v) || math.Abs(v) > maxExactInteger {
			return "", nil
		}
		return fmt.Sprintf("%s = %s", metadata.IDColumn, p.Next()), []any{v}
	default:
		return "", nil
	}
}
