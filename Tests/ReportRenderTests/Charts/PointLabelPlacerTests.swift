import Testing
@testable import ReportRender

@Suite struct PointLabelPlacerTests {
    typealias Box = PointLabelPlacer.Box

    @Test func segmentsCrossBoxesWhereTheyPassThrough() {
        let box = Box(minX: 0, maxX: 10, minY: 0, maxY: 4)
        #expect(box.crosses(x1: -5, y1: 2, x2: 15, y2: 2))        // straight through
        #expect(box.crosses(x1: 15, y1: 2, x2: -5, y2: 2))        // either direction
        #expect(!box.crosses(x1: -5, y1: 6, x2: 15, y2: 6))       // under it
        #expect(!box.crosses(x1: 11, y1: 2, x2: 20, y2: 2))       // beside it
        #expect(box.crosses(x1: 5, y1: -10, x2: 5, y2: 10))       // vertical, through
        #expect(!box.crosses(x1: 12, y1: -10, x2: 12, y2: 10))    // vertical, beside
        // A steep segment that reaches the box's x range only below it.
        #expect(!box.crosses(x1: -10, y1: 30, x2: 0, y2: 5))
        // A diagonal through one corner.
        #expect(box.crosses(x1: -2, y1: 3, x2: 3, y2: -2))
        #expect(!box.crosses(x1: -2, y1: 2, x2: 2, y2: -2))       // touching the corner only
    }

    @Test func costCountsLinesLabelsAndEdges() {
        var placer = PointLabelPlacer(top: 0, bottom: 100, fontSize: 12)
        let box = Box(minX: 40, maxX: 60, minY: 40, maxY: 52)
        #expect(placer.cost(box) == 0)
        placer.horizontals = [46]                                   // through the middle
        #expect(placer.cost(box) == 1)
        placer.horizontals = [41]                                   // along the top edge only
        #expect(placer.cost(box) == 0.25)
        placer.horizontals = []
        placer.segments = [(30, 46, 70, 46)]
        #expect(placer.cost(box) == 1)
        placer.segments = [(30, 30, 41, 41)]                        // clips a corner
        #expect(placer.cost(box) == 0.25)
        placer.segments = []
        placer.taken = [Box(minX: 55, maxX: 80, minY: 45, maxY: 57)]
        #expect(placer.cost(box) == 2)
        // Two labels side by side whose glyphs do not overlap but come closer than `labelGap`:
        // they read as one, so they count as touching; farther apart, they do not.
        placer.taken = [Box(minX: 59, maxX: 80, minY: 40, maxY: 52)]
        #expect(placer.cost(box) == 2)
        placer.taken = [Box(minX: 59 + PointLabelPlacer.labelGap + 1, maxX: 90, minY: 40, maxY: 52)]
        #expect(placer.cost(box) == 0)
        placer.taken = []
        #expect(placer.cost(Box(minX: 40, maxX: 60, minY: 95, maxY: 107)) == 3)
    }

    @Test func candidatesGoOutwardsAboveThenBelow() {
        let placer = PointLabelPlacer(top: 0, bottom: 200, fontSize: 10)
        let (above, below) = placer.baselines(y: 100)
        #expect(placer.candidates(y: 100) == [above, below, above - 6, below + 6, above - 12, below + 12])
    }

    @Test func placesAboveUnlessBelowIsFreer() {
        var placer = PointLabelPlacer(top: 0, bottom: 200, fontSize: 12)
        let (above, below) = placer.baselines(y: 100)
        #expect(above == 100 - PointLabelPlacer.offset)
        #expect(below == 100 + PointLabelPlacer.offset + 9)
        // Nothing around: above. A line through the space above: below.
        #expect(placer.place(width: 30, x: 50, y: 100) == above)
        placer.horizontals = [above - 4]
        #expect(placer.place(width: 30, x: 150, y: 100) == below)
        // Lines through both: a step farther, where the label is free (above, the line through
        // the first place would still graze the bottom of the box a step up).
        let step = PointLabelPlacer.stepEms * 12
        placer.horizontals = [above - 4, below - 4]
        #expect(placer.place(width: 30, x: 250, y: 100) == below + step)
        // Lines through every place within reach: the tie goes to the first, above.
        placer.horizontals = placer.candidates(y: 100).map { $0 - 4 }
        #expect(placer.place(width: 30, x: 300, y: 100) == above)
        // A label placed takes its box: the next label at the same point goes the other way.
        placer.horizontals = []
        #expect(placer.place(width: 30, x: 350, y: 100) == above)
        #expect(placer.place(width: 30, x: 350, y: 100) == below)
    }
}
