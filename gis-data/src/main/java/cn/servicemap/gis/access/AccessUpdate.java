package cn.servicemap.gis.access;

/**
 * The result of an incremental what-if (one source added, removed or moved, or a batch of them): the new field and
 * the nodes whose time or nearest source changed, in ascending order. Coverage statistics can be updated from
 * {@code changedNodes} alone (an edge's reached length changes only if one of its end nodes changed or a source on it
 * was added, moved or removed).
 *
 * @param field        the updated field (the old one is unchanged)
 * @param changedNodes node ids whose label differs from the old field, ascending
 */
public record AccessUpdate(AccessField field, int[] changedNodes) {
}
