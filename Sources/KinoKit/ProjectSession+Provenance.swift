import Foundation
import KinoCore
import KinoInterchange
import KinoMedia

public typealias ProvenanceRecord = KinoInterchange.ProvenanceRecord

/// What `kino inspect` found in a movie.
public struct MovieInspection: Sendable, Encodable {
    public struct Chapter: Sendable, Encodable { public var title: String; public var start: Double; public var end: Double }
    public var path: String
    public var frameRate: String
    public var frameCount: Int
    /// Chapters in seconds.
    public var chapters: [Chapter]
    public var record: ProvenanceRecord

    /// The record's table and the chapters, for a person.
    public var text: String {
        var lines = [record.text]
        if !chapters.isEmpty { lines.append("chapters:") }
        for c in chapters { lines.append(String(format: "  %8.3f–%8.3f s  %@", c.start, c.end, c.title)) }
        return lines.joined(separator: "\n")
    }
}

extension ProjectSession {
    /// The chapters and `kino` record of an export of `range`. Shots without a complete,
    /// up-to-date take are rendered first, so the record names the take the frames come from.
    func provenance(of p: Project, range: Range<Int>, cancel: CancelToken) throws -> ExportProvenance {
        let starts = p.shotStarts
        var takes: [ShotID: Take] = [:]
        for (i, shot) in p.shots.enumerated() where starts[i] < range.upperBound && starts[i] + shot.duration > range.lowerBound {
            takes[shot.id] = try render(shot: shot.id, quality: .full, cancel: cancel, snapshot: p)
        }
        var current = p
        for i in current.shots.indices { if let t = takes[current.shots[i].id] { current.shots[i].currentTakeID = t.id } }
        let cut = Cut(project: current, media: [:], takes: takes)
        let chapters = ProvenanceRecord.chapters(cut: cut, range: range).map { ExportProvenance.Chapter(title: $0.title, start: $0.start, end: $0.end) }
        return ExportProvenance(chapters: chapters, record: try ProvenanceRecord(cut: cut, range: range).json())
    }

    /// Reads which shot and take every frame range of a Kino export came from.
    public static func inspectMovie(at path: String) throws -> MovieInspection {
        let found = try readProvenance(at: path)
        guard let text = found.record else { throw KinoKitError.noProvenance(path) }
        let record = try ProvenanceRecord.parse(text, file: (path as NSString).lastPathComponent)
        return MovieInspection(path: path, frameRate: found.frameRate.description, frameCount: found.frameCount,
                               chapters: found.chapters.map { MovieInspection.Chapter(title: $0.title, start: $0.start, end: $0.end) },
                               record: record)
    }
}
