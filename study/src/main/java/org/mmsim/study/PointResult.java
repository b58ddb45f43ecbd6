package org.mmsim.study;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a point's run gives the results store: the point, its summary figures ({@link RunFigures}) and its samples
 * ({@link SampleTable#rows}). Serializable, so an executor can send it back to a driver.
 */
public record PointResult(StudyPoint point, Map<String, Object> figures, List<Object[]> samples)
        implements Serializable {
    /** Stores this result as one transaction. */
    public void storeIn(ResultsStore store) throws java.sql.SQLException {
        store.add(point.key(), point.axes(), figures, samples);
    }
}
