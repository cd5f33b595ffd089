import Foundation
import KinoCore
import KinoEngine
import KinoMedia

/// What an export wrote, for the CLI and the editor.
public struct ExportResult: Sendable {
    public var path: String
    public var codec: String
    public var frames: Int
    public var width: Int
    public var height: Int
    public var seconds: Double
    public var bytes: Int64
    /// 48 kHz samples of sound written with the picture (nil for a silent export).
    public var soundSamples: Int?
}

extension ProjectSession {
    /// The export formats: h264 (MP4), prores (MOV), ffv1 (MKV, lossless), png (a folder).
    public static var exportCodecs: [String] { ExportCodec.allCases.map(\.rawValue) }

    /// Exports the timeline (or `range`, in timeline frames) at full resolution. Cached frames
    /// are reused; missing ones are rendered on the way, ahead of the encoder. Written to a
    /// temporary file and renamed when complete. The codec comes from the destination's name
    /// (ExportDestination); `codec`, when given, must agree with it. A destination in a folder
    /// that does not exist is refused first.
    @discardableResult
    public func export(to path: String, codec: String? = nil, crf: Int = 18, preset: String = "medium",
                       range: Range<Int>? = nil, sound: Bool = true, loudness: Double? = nil, progress: GenerationProgress = GenerationProgress(),
                       cancel: CancelToken = CancelToken()) throws -> ExportResult {
        let p = project
        guard !p.shots.isEmpty, p.duration > 0 else { throw KinoKitError.nothingToExport }
        let timeline = 0..<p.duration
        let r = range ?? timeline
        guard r.lowerBound >= 0, r.upperBound <= p.duration, !r.isEmpty else {
            throw KinoKitError.exportRange(String(format: "%.3f–%.3f s is outside the timeline (0–%.3f s)",
                                                  p.frameRate.seconds(frames: r.lowerBound), p.frameRate.seconds(frames: r.upperBound),
                                                  p.frameRate.seconds(frames: p.duration)))
        }
        let chosen = try ExportDestination.codec(for: path, requested: try codec.map(ExportCodec.parse))
        try ExportDestination.checkFolder(of: path)
        var settings = ExportSettings(codec: chosen, crf: crf, preset: preset, frameRate: p.frameRate,
                                      width: p.settings.resolution.width, height: p.settings.resolution.height)
        try settings.validate()
        if settings.codec != .png { settings.provenance = try provenance(of: p, range: r, cancel: cancel) }
        let soundtrack = sound ? try self.soundtrack(p, range: r, loudness: loudness) : nil
        progress.start(total: r.count)
        // The project is taken once, so an edit during the export cannot mix versions.
        let provider = TimelineFrames(session: self, project: p, range: r, cancel: cancel)
        provider.start()
        let summary: ExportSummary
        do {
            summary = try exportVideo(to: path, settings: settings, frameCount: r.count, sound: soundtrack,
                                      progress: { _ in progress.advance() },
                                      cancel: { cancel.isCancelled },
                                      frame: { i in try provider.frame(timeline: r.lowerBound + i) })
        } catch {
            provider.stop(cancelRender: true)
            throw error
        }
        provider.stop(cancelRender: false)
        return ExportResult(path: summary.destination, codec: summary.codec.rawValue, frames: summary.frameCount,
                            width: summary.width, height: summary.height, seconds: summary.duration.doubleValue, bytes: summary.bytes,
                            soundSamples: soundtrack?.count)
    }
}

/// Supplies timeline frames to the exporter. A render thread walks the shots in order —
/// cached frames are read back, missing ones rendered — and hands frames over through a small
/// bounded buffer, so rendering the next frames overlaps encoding the previous ones.
private final class TimelineFrames: @unchecked Sendable {
    let session: ProjectSession
    let project: Project
    let range: Range<Int>
    let renderCancel: CancelToken
    private let condition = NSCondition()
    private var buffer: [Int: Frame] = [:]
    private var failure: Error?
    private var finished = false
    private var stopped = false
    private var thread: Thread?
    /// The next frame the encoder will ask for; earlier ones are never kept.
    private var nextWanted = 0
    private let done = DispatchSemaphore(value: 0)
    static let capacity = 6

    init(session: ProjectSession, project: Project, range: Range<Int>, cancel: CancelToken) {
        self.session = session; self.project = project; self.range = range
        self.renderCancel = CancelToken(parent: cancel)
    }

    func start() {
        let t = Thread { [self] in
            defer { done.signal() }
            do {
                let starts = project.shotStarts
                for (i, shot) in project.shots.enumerated() {
                    let s = starts[i]
                    guard s + shot.duration > range.lowerBound else { continue }
                    guard s < range.upperBound else { break }
                    let take = try session.render(shot: shot.id, quality: .full, cancel: renderCancel, snapshot: project) { [self] local, frame in
                        deliver(s + local, frame)
                    }
                    guard take.frameCount == shot.duration else {
                        throw KinoKitError.shotChangedDuringExport(shot.id.raw)
                    }
                }
                condition.withLock { finished = true; condition.broadcast() }
            } catch {
                condition.withLock { failure = error; condition.broadcast() }
            }
        }
        t.stackSize = 8 << 20
        thread = t
        t.start()
    }

    private func deliver(_ index: Int, _ frame: Frame) {
        guard range.contains(index), index >= nextWanted else { return }
        condition.lock()
        defer { condition.unlock() }
        while buffer.count >= Self.capacity && !stopped && !renderCancel.isCancelled {
            _ = condition.wait(until: Date().addingTimeInterval(0.2))
        }
        if stopped { return }
        buffer[index] = frame
        condition.broadcast()
    }

    func frame(timeline index: Int) throws -> Frame {
        condition.lock()
        defer { condition.unlock() }
        while true {
            nextWanted = index
            if let f = buffer.removeValue(forKey: index) {
                nextWanted = index + 1
                condition.broadcast()
                return f
            }
            if let e = failure { throw e }
            if finished || stopped { throw KinoKitError.shotHasNoFrames(shotName(atTimeline: index)) }
            // A full buffer of later frames means this one will never come.
            if buffer.count >= Self.capacity, let first = buffer.keys.min(), first > index {
                throw KinoKitError.shotHasNoFrames(shotName(atTimeline: index))
            }
            if renderCancel.isCancelled { throw GenerationError.cancelled }
            _ = condition.wait(until: Date().addingTimeInterval(0.2))
        }
    }

    /// The id of the shot under a timeline frame, for errors that name it.
    private func shotName(atTimeline index: Int) -> String {
        project.shot(atTimelineFrame: index).map { project.shots[$0.index].id.raw } ?? "at timeline frame \(index)"
    }

    /// Stops the render thread (cancelling a render in progress) and waits for it.
    func stop(cancelRender: Bool) {
        condition.withLock {
            stopped = true
            condition.broadcast()
        }
        if cancelRender { renderCancel.cancel() }
        if thread != nil { done.wait() }
    }
}
