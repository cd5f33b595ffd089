import Foundation
import KinoCore
import KinoEngine
import KinoMedia

/// An export the export verb checked: destination, codec, range and encoder settings.
public struct ExportRequest: Hashable, Sendable {
    public var path: String
    public var codec: ExportCodec
    public var range: Range<Int>?
    public var crf: Int
    public var preset: String
    /// Normalise the sound to this integrated loudness (LUFS); nil leaves the mix as it is.
    public var loudness: Double? = nil
    /// False exports the picture alone.
    public var sound: Bool = true
}

/// A long piece of work a verb asks its front end to run (with progress and cancellation):
/// the CLI runs it with a progress line, the editor as a background job.
public enum VerbJob: Hashable, Sendable {
    case render(ShotID, quality: RenderQuality)
    case extend(ShotID, frames: Int, prompt: String?, quality: RenderQuality)
    case refine(ShotID, from: Int, to: Int?, seed: UInt64?, prompt: String?, quality: RenderQuality)
    case export(ExportRequest)
    /// One full-resolution frame of a shot written as a PNG file.
    case frame(ShotID, frame: Int, path: String)
    /// The timeline as OTIO/EDL/FCPXML/Kdenlive with its media (`otio export`).
    case interchange(InterchangeRequest)

    /// The shot it works on (nil for an export).
    public var shot: ShotID? {
        switch self {
        case .render(let s, _), .extend(let s, _, _, _), .refine(let s, _, _, _, _, _), .frame(let s, _, _): return s
        case .export, .interchange: return nil
        }
    }

    /// "render sh2", "export out.mp4".
    public var label: String {
        switch self {
        case .render(let s, _): return "render \(s)"
        case .extend(let s, _, _, _): return "extend \(s)"
        case .refine(let s, _, _, _, _, _): return "refine \(s)"
        case .export(let r): return "export \(r.path)"
        case .frame(let s, _, _): return "frame \(s)"
        case .interchange(let r): return "otio export \(r.path)"
        }
    }
}

extension ProjectSession {
    /// Runs a verb's job to the end; returns the sentence to show ("sh2: rendered take tk3 (96 frames)").
    public func run(_ job: VerbJob, progress: GenerationProgress = GenerationProgress(), cancel: CancelToken = CancelToken(),
                    onFrame: (@Sendable (ShotID, Int, Frame) -> Void)? = nil) throws -> String {
        let rate = project.frameRate
        func seconds(_ f: Int) -> String { VerbArgument.seconds(f, rate) }
        switch job {
        case .render(let s, let quality):
            let before = currentTake(of: s)?.id
            let take = try render(shot: s, quality: quality, progress: progress, cancel: cancel) { onFrame?(s, $0, $1) }
            return "\(s): \(take.id == before ? "up to date" : "rendered") take \(take.id) (\(take.frameCount) frames)"
        case .extend(let s, let frames, let prompt, let quality):
            let take = try extend(shot: s, frames: frames, prompt: prompt, quality: quality, progress: progress, cancel: cancel) { onFrame?(s, $0, $1) }
            return "\(s): extended by \(seconds(frames)) s as take \(take.id) (\(take.frameCount) frames)"
        case .refine(let s, let from, let to, let seed, let prompt, let quality):
            let take = try refine(shot: s, fromFrame: from, toFrame: to, seed: seed, prompt: prompt, quality: quality,
                                  progress: progress, cancel: cancel) { onFrame?(s, $0, $1) }
            return "\(s): refined from \(seconds(from)) s as take \(take.id); frames before are unchanged"
        case .export(let r):
            let result = try export(to: r.path, codec: r.codec.rawValue, crf: r.crf, preset: r.preset, range: r.range,
                                    sound: r.sound, loudness: r.loudness, progress: progress, cancel: cancel)
            let sound = result.soundSamples.map { ", sound \($0) samples at 48 kHz" } ?? ""
            return "wrote \(result.path): \(result.codec) \(result.width)x\(result.height), \(result.frames) frames, \(String(format: "%.3f", result.seconds)) s\(sound), \(result.bytes) bytes"
        case .frame(let s, let f, let path):
            let image = try frame(shot: s, at: f, quality: .full, progress: progress, cancel: cancel)
            try writePNG(image, to: path)
            return "wrote \(path) (\(image.width)x\(image.height), \(s) frame \(f))"
        case .interchange(let r):
            let result = try exportInterchange(to: r.path, format: r.format, media: r.media, progress: progress, cancel: cancel)
            return "wrote \(result.path): \(result.format), \(result.clips) clips, \(result.mediaFiles.count) media files, \(result.bytes) bytes"
        }
    }
}
