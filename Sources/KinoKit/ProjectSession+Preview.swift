import Foundation
import KinoCore
import KinoMedia
import KinoTerminal

/// How `kino preview` draws: from the terminal's answers (auto) or forced.
public enum PreviewMode: String, Sendable, CaseIterable {
    case auto, sixel, kitty, blocks, ascii
}

extension ProjectSession {
    /// What this terminal can show, asking it (DA1 etc.) only when both ends are terminals.
    public static func terminalCapabilities(mode: PreviewMode, input: Int32 = STDIN_FILENO,
                                            output: Int32 = STDOUT_FILENO) -> TerminalCapabilities {
        let env = ProcessInfo.processInfo.environment
        let override: GraphicsMode? = mode == .auto ? nil : GraphicsMode(rawValue: mode.rawValue)
        return TerminalCapabilities.detect(input: input, output: output, environment: env, override: override)
    }

    /// One frame of a shot as terminal text (sixel, kitty, or character art), `cols` wide.
    /// A shot with nothing rendered is rendered at preview size first.
    public func preview(shot id: ShotID, frame: Int, capabilities: TerminalCapabilities, cols: Int, rows: Int?) throws -> String {
        guard cols > 0 else { throw TerminalRenderError.invalidColumns(cols) }
        if let r = rows, r <= 0 { throw TerminalRenderError.invalidRows(r) }
        let image = try bestFrame(shot: id, frame: frame)
        return try TerminalRenderer(capabilities: capabilities).render(image, cols: cols, rows: rows)
    }

    /// A contact sheet of the shot: one thumbnail every second, labelled with its time.
    /// Thumbnails come from the project file when the current take is fresh.
    public func previewStrip(shot id: ShotID, capabilities: TerminalCapabilities, cols: Int) throws -> String {
        guard cols > 0 else { throw TerminalRenderError.invalidColumns(cols) }
        let p = project
        guard let shot = p.shot(id) else { throw ValidationError.unknownShot(id.raw, count: p.shots.count) }
        if renderState(of: id) != .rendered { try render(shot: id, quality: .preview) }
        var frames = thumbnails(shot: id).map { (label: String(format: "%.1fs", p.frameRate.seconds(frames: $0.frame)), frame: $0.image) }
        if frames.isEmpty {
            let step = max(1, p.frameRate.timecodeBase)
            frames = try stride(from: 0, to: shot.duration, by: step).map {
                (label: String(format: "%.1fs", p.frameRate.seconds(frames: $0)), frame: try self.frame(shot: id, at: $0, quality: .preview))
            }
        }
        return try contactSheet(frames: frames, capabilities: capabilities, cols: cols)
    }

    /// The sharpest frame at hand: full size if cached, else the preview (rendered if needed).
    func bestFrame(shot id: ShotID, frame: Int) throws -> Frame {
        if renderState(of: id) == .rendered, let f = cachedFrame(shot: id, at: frame, quality: .full) { return f }
        return try self.frame(shot: id, at: frame, quality: .preview)
    }
}

extension ProjectSession {
    /// Writes full-resolution frames `range` of a shot as SHOT_NNNNNN.png into `folder`
    /// (created if needed); returns how many were written.
    @discardableResult
    public func writeFrames(shot id: ShotID, range: Range<Int>, to folder: String) throws -> Int {
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw KinoKitError.folderUnwritable(folder)
        }
        for f in range {
            try writePNG(try frame(shot: id, at: f, quality: .full), to: "\(folder)/\(id.raw)_\(String(format: "%06d", f)).png")
        }
        return range.count
    }

    /// Writes a frame as a PNG file.
    public func writePNG(_ frame: Frame, to path: String) throws {
        do { try encodePNG(frame, to: path) } catch let e as LocalizedError {
            throw e
        } catch {
            throw KinoKitError.folderUnwritable(parentFolder(of: path))
        }
    }
}
