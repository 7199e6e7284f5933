-- Raw events before instant $1 go; their daily figures stay.

-- name: DeleteViews
DELETE FROM material_views WHERE occurred_at < $1;

-- name: DeleteSearches
DELETE FROM searches WHERE occurred_at < $1;
