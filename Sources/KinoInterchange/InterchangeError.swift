import Foundation

/// Why an interchange file could not be written or read. Each case is one sentence a person
/// can act on; nothing is written and no project changes when one is thrown.
public enum InterchangeError: Error, LocalizedError, Hashable, Sendable {
    case unknownFormat(String)
    case unknownMedia(String)
    case notJSON(file: String, reason: String)
    case notOTIO(file: String, reason: String)
    case newerSchema(file: String, schema: String, known: String)
    case unknownSchema(file: String, schema: String)
    case badRate(file: String, item: String, rate: String)
    case negativeRange(file: String, item: String, range: String)
    case overlap(file: String, item: String, detail: String)
    case mediaEscapes(file: String, item: String, url: String)
    case mediaMissing(file: String, item: String, path: String)
    case unsupportedURL(file: String, item: String, url: String)
    case emptyTimeline(file: String)
    case tooManyClips(file: String, count: Int, limit: Int)
    case notABundle(file: String, reason: String)
    case mediaNotBundlable(String)
    case timecodeOverflow(String)
    case needsMovies(format: String, media: String)

    public var errorDescription: String? {
        switch self {
        case .unknownFormat(let f): return "format '\(f)' is not one of otio, otioz, edl, fcpxml, kdenlive"
        case .unknownMedia(let m): return "media '\(m)' is not one of prores, png, h264, none"
        case .notJSON(let f, let r): return "\(f) is not JSON (\(r)); an OpenTimelineIO file is JSON text"
        case .notOTIO(let f, let r): return "\(f) is not an OpenTimelineIO timeline: \(r)"
        case .newerSchema(let f, let s, let k): return "\(f) uses \(s), newer than this Kino reads (\(k)); save it from an older OpenTimelineIO or update Kino"
        case .unknownSchema(let f, let s): return "\(f) holds the schema '\(s)', which Kino does not know; remove it or flatten the timeline first"
        case .badRate(let f, let i, let r): return "\(f): \(i) has the rate \(r); a rate must be a positive number of frames per second"
        case .negativeRange(let f, let i, let r): return "\(f): \(i) has the range \(r); a range starts at 0 or later and lasts at least one frame"
        case .overlap(let f, let i, let d): return "\(f): \(i) overlaps \(d); Kino reads one video track of clips in sequence"
        case .mediaEscapes(let f, let i, let u): return "\(f): \(i) refers to \(u), outside the folder of the file; keep media beside the timeline"
        case .mediaMissing(let f, let i, let p): return "\(f): the media of \(i) does not exist (\(p)); relink it or make it a missing reference"
        case .unsupportedURL(let f, let i, let u): return "\(f): \(i) refers to \(u); Kino reads file paths and file:// URLs only"
        case .emptyTimeline(let f): return "\(f) has no clips on a video track; there is nothing to import"
        case .tooManyClips(let f, let n, let l): return "\(f) has \(n) clips; Kino imports at most \(l) into one project"
        case .notABundle(let f, let r): return "\(f) is not an OpenTimelineIO bundle (.otioz): \(r)"
        case .mediaNotBundlable(let m): return "an .otioz bundle holds one movie file per clip; use --media prores or h264, not \(m)"
        case .timecodeOverflow(let s): return s
        case .needsMovies(let f, let m): return "a \(f) timeline plays one movie file per clip; use --media prores or h264, not \(m)"
        }
    }
}
