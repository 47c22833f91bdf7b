// Added to FerretDB v1.24.2's SQLite backend by our launcher build (see patches.json): which
// `_id` values may be looked up through the `_id` index. Strings and ObjectIDs as upstream;
// numbers (Telegram ids are our numeric `_id`s) when their JSON text is the same for every
// BSON type that holds the value: integral, not zero (so -0 cannot differ), within 2^53.
package sqlite

import (
	"math"

	"github.com/FerretDB/FerretDB/internal/types"
)

const maxExactInteger = 1 << 53

func idPushdownSafe(v any) bool {
	switch v := v.(type) {
	case string, types.ObjectID:
		return true
	case int32:
		return v != 0
	case int64:
		return v != 0 && v <= maxExactInteger && v >= -maxExactInteger
	case float64:
		return v != 0 && v == math.Trunc(v) && math.Abs(v) <= maxExactInteger
	default:
		return false
	}
}
