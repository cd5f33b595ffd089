import Foundation
import KinoCore
import KinoEditor
import KinoTerminal

/// Paints the preview frame as sixel over the preview pane, after curses has drawn the
/// screen, when the terminal can show sixel and the frame or the pane changed.
final class SixelPainter {
    let capabilities: TerminalCapabilities
    private var painted: (shot: ShotID, frame: Int, rect: Rect, hash: Int)?

    init(capabilities: TerminalCapabilities) { self.capabilities = capabilities }

    var enabled: Bool { capabilities.graphics == .sixel }

    func invalidate() { painted = nil }

    func paint(state: EditorState, theme: Theme) {
        guard enabled, theme.usesColor, !state.size.isTooSmall, !state.helpVisible,
              let preview = state.preview, state.playheadShot.map({ state.project.shots[$0.index].id }) == preview.shot else {
            painted = nil
            return
        }
        let rect = previewImageRect(size: state.size, focus: state.focus)
        guard rect.width >= 4, rect.height >= 2 else { return }
        let hash = preview.image.pixels.count ^ preview.image.pixels.prefix(64).reduce(0) { $0 &* 31 &+ Int($1) }
        if let p = painted, p.shot == preview.shot, p.frame == preview.frame, p.rect == rect, p.hash == hash { return }
        let renderer = TerminalRenderer(capabilities: capabilities)
        guard let text = try? renderer.sixel(preview.image, cols: rect.width, rows: rect.height) else { return }
        let out = "\u{1B}7\u{1B}[\(rect.y + 1);\(rect.x + 1)H" + text + "\u{1B}8"
        FileHandle.standardOutput.write(Data(out.utf8))
        painted = (preview.shot, preview.frame, rect, hash)
    }
}
