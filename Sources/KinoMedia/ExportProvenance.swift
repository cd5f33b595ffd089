import CFFmpeg
import Foundation
import KinoCore

/// What a movie export says about where its frames came from: chapters (one per scene) and a
/// `kino` metadata record (JSON: per shot, its range of the file's frames, take, engine, seed,
/// prompt, input hash). Written into MP4, MOV and MKV; `readProvenance` reads them back.
public struct ExportProvenance: Hashable, Sendable {
    public struct Chapter: Hashable, Sendable {
        public var title: String
        /// Frames of the exported file, [start, end).
        public var start: Int
        public var end: Int
        public init(title: String, start: Int, end: Int) { self.title = title; self.start = start; self.end = end }
    }
    public var chapters: [Chapter]
    /// The `kino` metadata value.
    public var record: String
    public init(chapters: [Chapter], record: String) { self.chapters = chapters; self.record = record }

    /// The metadata key the record is stored under.
    public static let key = "kino"

    /// Puts the chapters and the record on a muxer before its header is written.
    func apply(to fmt: UnsafeMutablePointer<AVFormatContext>, rate: Rational) throws {
        let tb = AVRational(num: Int32(rate.denominator), den: Int32(rate.numerator))
        for (i, c) in chapters.enumerated() {
            let r = kino_add_chapter(fmt, Int64(i + 1), tb, Int64(c.start), Int64(c.end), c.title)
            guard r >= 0 else { throw MediaError.encodingFailed(averrorText(r)) }
        }
        av_dict_set(&fmt.pointee.metadata, Self.key, record, 0)
    }
}

/// Muxer settings that make an export depend on its frames and settings alone: no creation
/// time, no library version strings (libavformat's bitexact flag).
func makeReproducible(_ fmt: UnsafeMutablePointer<AVFormatContext>) {
    fmt.pointee.flags |= AVFMT_FLAG_BITEXACT
}

/// The provenance found in a movie file: its `kino` record (nil when the file has none), its
/// chapters in seconds, its frame rate and frame count.
public struct MovieProvenance: Sendable {
    public var record: String?
    public var chapters: [(title: String, start: Double, end: Double)]
    public var frameRate: Rational
    public var frameCount: Int
}

/// Reads a movie's `kino` record and chapters without decoding a frame.
public func readProvenance(at path: String) throws -> MovieProvenance {
    let input = try MediaInput(path: path)
    let fmt = input.format
    let record = av_dict_get(fmt.pointee.metadata, ExportProvenance.key, nil, 0).map { String(cString: $0.pointee.value) }
    var chapters: [(String, Double, Double)] = []
    for i in 0..<Int(fmt.pointee.nb_chapters) {
        guard let c = fmt.pointee.chapters[i] else { continue }
        let tb = c.pointee.time_base
        let title = av_dict_get(c.pointee.metadata, "title", nil, 0).map { String(cString: $0.pointee.value) } ?? ""
        let scale = Double(tb.num) / Double(tb.den)
        chapters.append((title, Double(c.pointee.start) * scale, Double(c.pointee.end) * scale))
    }
    let info = input.info
    return MovieProvenance(record: record, chapters: chapters, frameRate: info.frameRate, frameCount: info.frameCount)
}
