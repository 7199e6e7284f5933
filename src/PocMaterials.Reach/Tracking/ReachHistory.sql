-- A renamed material's reach moves from slug $1 to slug $2.

-- name: MoveViews
UPDATE material_views SET material_slug = $2 WHERE material_slug = $1;

-- name: MergeDailyFigures
-- Days the new slug already has are merged: views and opens added, viewer sets joined.
INSERT INTO daily_reach (day, dimension, key, views, opens, viewers)
SELECT day, dimension, $2, views, opens, viewers FROM daily_reach WHERE dimension = 'material' AND key = $1
ON CONFLICT (dimension, key, day) DO UPDATE SET
    views = daily_reach.views + excluded.views,
    opens = daily_reach.opens + excluded.opens,
    viewers = varbit_or(daily_reach.viewers, excluded.viewers);

-- name: DeleteDailyFigures
DELETE FROM daily_reach WHERE dimension = 'material' AND key = $1;
