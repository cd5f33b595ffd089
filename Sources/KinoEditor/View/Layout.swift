/// Where each pane goes for a terminal size. A pure function of the size (and, on short
/// terminals, of the focused pane), shared by the view and the reducer (clicks, scrolling).
public struct Layout: Hashable, Sendable {
    public var preview: Rect
    public var inspector: Rect
    public var timeline: Rect
    /// Empty when the terminal is too short to show it next to the others and it is not focused.
    public var curves: Rect
    public var characters: Rect
    public var status: Rect
    public var commandLine: Rect

    /// Rows the timeline takes, borders included: ruler, scenes, names, states, keyframes,
    /// and two rows of thumbnails on tall terminals.
    public static func timelineHeight(rows: Int) -> Int { rows >= 44 ? 9 : 7 }

    public init(size: TerminalSize, focus: Pane) {
        let cols = size.cols, rows = size.rows
        status = Rect(x: 0, y: rows - 2, width: cols, height: 1)
        commandLine = Rect(x: 0, y: rows - 1, width: cols, height: 1)
        let body = rows - 2
        let timelineHeight = Layout.timelineHeight(rows: rows)
        let tall = body >= 30
        let topHeight: Int
        let bottomHeight: Int
        if tall {
            bottomHeight = max(8, (body - timelineHeight) * 2 / 5)
            topHeight = body - timelineHeight - bottomHeight
        } else {
            bottomHeight = 0
            topHeight = body - timelineHeight
        }
        // The preview keeps a 16:9 picture: a cell is one pixel wide and two (half blocks) tall.
        let innerTop = max(1, topHeight - 2)
        let previewInner = min(innerTop * 32 / 9, cols * 45 / 100)
        let previewWidth = max(20, previewInner + 2)
        preview = Rect(x: 0, y: 0, width: previewWidth, height: topHeight)
        let right = Rect(x: previewWidth, y: 0, width: cols - previewWidth, height: topHeight)
        timeline = Rect(x: 0, y: topHeight, width: cols, height: timelineHeight)
        if tall {
            let y = topHeight + timelineHeight
            let curveWidth = cols * 3 / 5
            inspector = right
            curves = Rect(x: 0, y: y, width: curveWidth, height: bottomHeight)
            characters = Rect(x: curveWidth, y: y, width: cols - curveWidth, height: bottomHeight)
        } else {
            // Short terminal: the right-hand pane shows whichever of inspector, curve editor
            // and characters has the focus (the inspector otherwise).
            let empty = Rect(x: 0, y: 0, width: 0, height: 0)
            inspector = empty; curves = empty; characters = empty
            switch focus {
            case .curves: curves = right
            case .characters: characters = right
            default: inspector = right
            }
        }
    }

    /// The pane under a cell, if any.
    public func pane(atCol col: Int, row: Int) -> Pane? {
        for (pane, r) in [(Pane.timeline, timeline), (.preview, preview), (.inspector, inspector), (.curves, curves), (.characters, characters)]
        where r.contains(col: col, row: row) { return pane }
        return nil
    }
}
