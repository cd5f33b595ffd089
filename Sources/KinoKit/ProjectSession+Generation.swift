import Foundation
import KinoCore
import KinoEngine
import KinoMedia
import KinoStore

/// Delivers generated frames to the cache and to the caller's callback.
private final class CacheSink: FrameSink, @unchecked Sendable {
    let cache: FrameCache
    let take: TakeID
    let size: Resolution
    let onFrame: (@Sendable (Int, Frame) -> Void)?
    let keep: Range<Int>
    let thumbnailsEvery: Int
    /// Added to the engine's frame numbers (footage extensions render from 0).
    var offset = 0
    private let lock = NSLock()
    private(set) var thumbnails: [StoredThumbnail] = []

    init(cache: FrameCache, take: TakeID, size: Resolution, keep: Range<Int>, thumbnailsEvery: Int,
         onFrame: (@Sendable (Int, Frame) -> Void)?) {
        self.cache = cache; self.take = take; self.size = size; self.keep = keep
        self.thumbnailsEvery = thumbnailsEvery; self.onFrame = onFrame
    }

    func receive(frameIndex engineIndex: Int, frame: Frame) throws {
        let frameIndex = engineIndex + offset
        guard keep.contains(frameIndex) else { return }
        try cache.write(frame, take: take, size: size, index: frameIndex)
        if thumbnailsEvery > 0, frameIndex % thumbnailsEvery == 0 {
            let t = frame.resized(width: 160, height: max(16, 160 * frame.height / frame.width))
            if let png = try? encodePNGData(t, compressionLevel: 6) {
                lock.withLock {
                    thumbnails.append(StoredThumbnail(takeID: take, frame: frameIndex, width: t.width, height: t.height, png: png))
                }
            }
        }
        onFrame?(frameIndex, frame)
    }
}

extension ProjectSession {
    /// The embedded deterministic engine.
    public static func defaultEngine() -> any GenerationEngine { ProceduralEngine() }

    public var engineIdentity: EngineIdentity { engine.identity }

    var cache: FrameCache { FrameCache(directory: cacheDirectory) }

    // MARK: Queries

    /// Whether a shot's current take matches its inputs.
    public func renderState(of id: ShotID) -> ShotRenderState {
        let p = project
        guard let shot = p.shot(id), let tid = shot.currentTakeID,
              let (take, _) = try? store.take(tid), take.status == .complete else { return .notRendered }
        return take.inputHash == p.inputs(of: shot).hash(engine: engine.identity) ? .rendered : .stale
    }

    /// What the engine understands of a shot's prompt.
    public func interpret(shot id: ShotID) -> PromptReport {
        let p = project
        guard let shot = p.shot(id), let spec = try? spec(SpecSnapshot(project: p, shot: shot), quality: .preview, project: p, decodeImage: false)
        else { return PromptReport() }
        return engine.interpret(spec)
    }

    /// The current take of a shot, if it is complete.
    public func currentTake(of id: ShotID) -> Take? {
        guard let tid = project.shot(id)?.currentTakeID, let (t, _) = try? store.take(tid) else { return nil }
        return t
    }

    /// A frame from the cache, never rendering (for the editor's preview while jobs run).
    public func cachedFrame(shot id: ShotID, at frame: Int, quality: RenderQuality) -> Frame? {
        let p = project
        guard let t = currentTake(of: id), frame >= 0, frame < t.frameCount else { return nil }
        var take = t.id
        let size = quality.resolution(for: p)
        // Inherited frames live under the parent until they are linked.
        while true {
            if let f = cache.read(take: take, size: size, frame: frame) { return f }
            guard let (_, text) = try? store.take(take), let r = try? TakeRecipe.decode(text),
                  frame < r.ownStart, let parent = r.parent else { return nil }
            take = parent
        }
    }

    /// Thumbnails of the current take (one a second), from the project file.
    public func thumbnails(shot id: ShotID) -> [(frame: Int, image: Frame)] {
        guard let t = currentTake(of: id), let stored = try? store.thumbnails(take: t.id) else { return [] }
        return stored.compactMap { th in (try? decodePNG(data: th.png)).map { (th.frame, $0) } }
    }

    /// A frame of a shot at `frame`, from the cache, or rendered (the whole shot) if needed.
    public func frame(shot id: ShotID, at frame: Int, quality: RenderQuality,
                      progress: GenerationProgress = GenerationProgress(), cancel: CancelToken = CancelToken()) throws -> Frame {
        let p = project
        guard let shot = p.shot(id) else { throw ValidationError.unknownShot(id.raw, count: p.shots.count) }
        guard frame >= 0, frame < shot.duration else {
            throw KinoKitError.timePastEnd(shot: id.raw, time: String(format: "%.3f", p.frameRate.seconds(frames: frame)),
                                           length: String(format: "%.3f", p.frameRate.seconds(frames: shot.duration)))
        }
        let size = quality.resolution(for: p)
        if renderState(of: id) == .rendered, let t = currentTake(of: id), let f = try resolveCached(take: t.id, frame: frame, size: size) {
            return f
        }
        let take = try render(shot: id, quality: quality, progress: progress, cancel: cancel)
        guard let f = try resolveCached(take: take.id, frame: frame, size: size) else {
            throw KinoKitError.shotHasNoFrames(id.raw)
        }
        return f
    }

    // MARK: Generation

    /// Renders a shot: reuses the current take when it matches the shot's inputs (generating
    /// only frames missing from the cache), otherwise makes a new take and makes it current.
    @discardableResult
    /// `snapshot` renders the shot as it is in that project value (an export's), not as it is now.
    public func render(shot id: ShotID, quality: RenderQuality, progress: GenerationProgress = GenerationProgress(),
                       cancel: CancelToken = CancelToken(), snapshot: Project? = nil,
                       onFrame: (@Sendable (Int, Frame) -> Void)? = nil) throws -> Take {
        let p = snapshot ?? project
        guard let shot = p.shot(id) else { throw ValidationError.unknownShot(id.raw, count: p.shots.count) }
        let snap = SpecSnapshot(project: p, shot: shot)
        let hash = snap.inputHash(engine: engine.identity)
        let size = quality.resolution(for: p)
        if let t = currentTake(of: id), t.status == .complete, t.inputHash == hash {
            try ensureFrames(take: t.id, range: 0..<t.frameCount, size: size, progress: progress, cancel: cancel, onFrame: onFrame)
            return t
        }
        let recipe = TakeRecipe(kind: shot.sourceVideo == nil ? .render : .footage, parent: nil, ownStart: 0,
                                segments: [.init(start: 0, end: shot.duration, spec: snap)])
        return try generateTake(shot: shot, recipe: recipe, lineage: .rendered, hash: hash, size: size,
                                progress: progress, cancel: cancel, onFrame: onFrame, edit: { $0 })
    }

    /// Extends a shot by `frames` from the end of its current take; the original frames stay.
    /// A `prompt` drives the added segment only (kept in the take), not the shot.
    @discardableResult
    public func extend(shot id: ShotID, frames: Int, prompt: String? = nil, quality: RenderQuality,
                       progress: GenerationProgress = GenerationProgress(), cancel: CancelToken = CancelToken(),
                       onFrame: (@Sendable (Int, Frame) -> Void)? = nil) throws -> Take {
        let p = project
        guard let shot = p.shot(id) else { throw ValidationError.unknownShot(id.raw, count: p.shots.count) }
        guard frames >= 1 else { throw ValidationError.invalidDuration("\(frames) frames") }
        let parent = try ensureCurrentTake(shot: shot, quality: quality, progress: progress, cancel: cancel)
        if shot.sourceVideo != nil, let (_, text) = try store.take(parent.id),
           try TakeRecipe.decode(text).segments.contains(where: { $0.continuesFootage == true }) {
            throw KinoKitError.footageNotExtendable("shot \(id) already extends its footage once; add a new shot with --image from its last frame to go further")
        }
        var changed = shot
        changed.duration = parent.frameCount + frames
        _ = try p.updatingShot(id) { $0 = changed }     // validates the new length
        // New words belong to the new segment only: the shot keeps its prompt, the take's
        // recipe (and its prompt) holds the segment's.
        var segmentShot = changed
        if let prompt { segmentShot.prompt = prompt }
        _ = try p.updatingShot(id) { $0 = segmentShot }  // validates the segment's prompt
        let snap = SpecSnapshot(project: p, shot: segmentShot)
        let recipe = TakeRecipe(kind: .extend, parent: parent.id, ownStart: parent.frameCount,
                                segments: [.init(start: parent.frameCount, end: changed.duration, spec: snap,
                                                 continuesFootage: shot.sourceVideo != nil ? true : nil)])
        return try generateTake(shot: changed, recipe: recipe, lineage: .extended(from: parent.id, frames: frames),
                                hash: SpecSnapshot(project: p, shot: changed).inputHash(engine: engine.identity), size: quality.resolution(for: p),
                                progress: progress, cancel: cancel, onFrame: onFrame,
                                edit: { s in
                                    var n = s
                                    n.duration = changed.duration
                                    return n
                                })
    }

    /// Regenerates a shot from `fromFrame` (to `toFrame`, else to its end) with a new seed
    /// and/or prompt for the regenerated part (neither: the next seed); the shot keeps its prompt. Frames before `fromFrame` stay bit-identical; the state is continuous at
    /// the seam. With `toFrame`, frames after it continue with the original inputs.
    @discardableResult
    public func refine(shot id: ShotID, fromFrame: Int, toFrame: Int? = nil, seed: UInt64? = nil, prompt: String? = nil,
                       quality: RenderQuality, progress: GenerationProgress = GenerationProgress(),
                       cancel: CancelToken = CancelToken(), onFrame: (@Sendable (Int, Frame) -> Void)? = nil) throws -> Take {
        let p = project
        guard let shot = p.shot(id) else { throw ValidationError.unknownShot(id.raw, count: p.shots.count) }
        let end = toFrame ?? shot.duration
        guard fromFrame >= 1, fromFrame < shot.duration, end > fromFrame, end <= shot.duration else {
            let r = p.frameRate
            throw KinoKitError.refineRange(String(format: "%.3f–%.3f s is outside shot %@ (0–%.3f s); start after 0 and end after the start, within the shot",
                                                  r.seconds(frames: fromFrame), r.seconds(frames: end), id.raw, r.seconds(frames: shot.duration)))
        }
        if shot.sourceVideo != nil { throw KinoKitError.footageNotExtendable("shot \(id) is footage; refine works on generated shots (extend it instead)") }
        let parent = try ensureCurrentTake(shot: shot, quality: quality, progress: progress, cancel: cancel)
        // Regenerating with nothing new would draw the same frames: a new seed is the default.
        let seed = seed ?? (prompt == nil ? shot.seed &+ 1 : nil)
        var changed = shot
        if let seed { changed.seed = seed }
        // The new words drive the regenerated segment only; the shot keeps its prompt.
        var segmentShot = changed
        if let prompt { segmentShot.prompt = prompt }
        _ = try p.updatingShot(id) { $0 = segmentShot }
        let newSnap = SpecSnapshot(project: p, shot: segmentShot)
        var segments = [TakeRecipe.Segment(start: fromFrame, end: end, spec: newSnap)]
        if end < shot.duration {
            // After the refined range the frames continue from the new state with the inputs
            // each original frame had (following the parent's lineage).
            segments += try originalSegments(of: parent.id, covering: end..<shot.duration).map {
                var seg = $0
                seg.continuesFootage = nil
                return seg
            }
        }
        let recipe = TakeRecipe(kind: .refine, parent: parent.id, ownStart: fromFrame, segments: segments)
        return try generateTake(shot: changed, recipe: recipe, lineage: .refined(from: parent.id, atFrame: fromFrame),
                                hash: SpecSnapshot(project: p, shot: changed).inputHash(engine: engine.identity), size: quality.resolution(for: p),
                                progress: progress, cancel: cancel, onFrame: onFrame,
                                edit: { s in
                                    var n = s
                                    if let seed { n.seed = seed }
                                    return n
                                })
    }

    /// Makes an earlier take the shot's current one (an undoable edit).
    /// The shot's inputs go back to the ones the take was made with, so it is fresh again.
    public func useTake(_ take: TakeID, for shot: ShotID) throws {
        guard let (t, text) = try store.take(take), t.shotID == shot else { throw ValidationError.unknownTake(take.raw) }
        guard t.status == .complete else { throw KinoKitError.takeNotComplete(take.raw) }
        let state = try TakeRecipe.decode(text).shotState
        try apply { p in
            try p.updatingShot(shot) { s in
                if let st = state {
                    for field in ShotField.all where field.role == .input { field.copy(st, &s) }
                    s.cameraPreset = st.cameraPreset   // the label of the camera restored with it
                    // Characters removed since cannot be cast again.
                    s.cast = s.cast.filter { p.character($0.characterID) != nil }
                    if let l = s.lightingID, p.lighting(l) == nil { s.lightingID = nil }
                }
                s.currentTakeID = take
            }
        }
    }

    // MARK: Internals

    /// The take extend and refine continue: the current one when it matches the shot's inputs,
    /// else a fresh render (so a changed shot is never refined from frames of other inputs).
    func ensureCurrentTake(shot: Shot, quality: RenderQuality, progress: GenerationProgress, cancel: CancelToken) throws -> Take {
        if renderState(of: shot.id) == .rendered, let t = currentTake(of: shot.id), t.frameCount == shot.duration { return t }
        return try render(shot: shot.id, quality: quality, progress: progress, cancel: cancel)
    }

    func spec(_ snap: SpecSnapshot, quality: RenderQuality, project p: Project, decodeImage wantImage: Bool = true) throws -> ShotSpec {
        let size = quality.resolution(for: p)
        var start: Frame? = nil
        if wantImage, let img = snap.shot.startImage {
            try verifyUnchanged(img)
            start = try loadImage(img.path).resizedToCover(width: size.width, height: size.height)
        }
        return ShotSpec(shot: snap.shot, characters: snap.characters, lighting: snap.lighting,
                        sceneEnvironment: snap.environment, frameRate: snap.frameRate, resolution: size, startFrame: start)
    }

    func loadImage(_ path: String) throws -> Frame { try loadImageChecked(path) }

    /// Runs a recipe as a new take; on success records it and makes it current through an
    /// undoable edit built by `edit` from the shot as it is then.
    private func generateTake(shot: Shot, recipe: TakeRecipe, lineage: TakeLineage, hash: String, size: Resolution,
                              progress: GenerationProgress, cancel: CancelToken,
                              onFrame: (@Sendable (Int, Frame) -> Void)?, edit: @escaping (Shot) -> Shot) throws -> Take {
        let tid = try store.allocateTakeID()
        var recipe = recipe
        var state = shot
        state.currentTakeID = nil
        recipe.shotState = state
        let seg = recipe.segments.first!.spec.shot   // the segment this take generated first: its seed and words
        var take = Take(id: tid, shotID: shot.id, seed: seg.seed, inputHash: hash, lineage: lineage, status: .rendering,
                        engine: engine.identity.description, frameCount: recipe.frameCount, prompt: seg.prompt,
                        createdAt: Date().timeIntervalSince1970)
        try store.saveTake(take, recipe: recipe.encoded(), checkpoints: [], thumbnails: [])
        progress.start(total: recipe.frameCount - recipe.ownStart)
        do {
            let (checkpoints, thumbs) = try generateOwn(take: tid, recipe: recipe, range: recipe.ownStart..<recipe.frameCount,
                                                        size: size, progress: progress, cancel: cancel, onFrame: onFrame,
                                                        thumbnails: true)
            // Frames inherited from the parent keep the parent's thumbnails.
            var allThumbs = thumbs
            if let parent = recipe.parent, let pt = try? store.thumbnails(take: parent) {
                allThumbs += pt.filter { $0.frame < recipe.ownStart }.map { var t = $0; t.takeID = tid; return t }
            }
            take.status = .complete
            try store.saveTake(take, recipe: recipe.encoded(), checkpoints: checkpoints, thumbnails: allThumbs)
        } catch {
            take.status = (error as? GenerationError) == .cancelled ? .cancelled : .failed
            try? store.saveTake(take, recipe: recipe.encoded(), checkpoints: [], thumbnails: [])
            throw error
        }
        try apply { p in
            try p.updatingShot(shot.id) { s in
                let changed = edit(s)
                s = changed
                s.currentTakeID = tid
            }
        }
        return take
    }

    /// Generates frames [range) of a take's own part (range.lowerBound must be a checkpoint
    /// frame of the take, or its ownStart), writing them to the cache.
    @discardableResult
    private func generateOwn(take: TakeID, recipe: TakeRecipe, range: Range<Int>, size: Resolution,
                             progress: GenerationProgress, cancel: CancelToken,
                             onFrame: (@Sendable (Int, Frame) -> Void)?, thumbnails: Bool) throws -> ([StoredCheckpoint], [StoredThumbnail]) {
        let p = project
        let sink = CacheSink(cache: cache, take: take, size: size, keep: range,
                             thumbnailsEvery: thumbnails ? max(1, p.frameRate.timecodeBase) : 0, onFrame: onFrame)
        var stored: [StoredCheckpoint] = []
        var cursor = range.lowerBound
        // The state to continue from at `cursor`.
        var state: Checkpoint? = try self.state(take: take, at: cursor)
        if let s = state, thumbnails { stored.append(StoredCheckpoint(takeID: take, frame: s.frame, engine: s.engine.description, state: s.state)) }
        if recipe.kind == .footage, let video = recipe.segments.first?.spec.shot.sourceVideo {
            try decodeFootage(video, range: range, size: size, rate: p.frameRate, sink: sink, progress: progress, cancel: cancel)
            return ([], sink.thumbnails)
        }
        for segment in recipe.segments where segment.end > cursor {
            let spec = try spec(segment.spec, quality: size == p.settings.resolution ? .full : .preview, project: p)
            var sizedSpec = spec
            sizedSpec.resolution = size
            let end = min(segment.end, range.upperBound)
            guard end > cursor else { break }
            let request: GenerationRequest
            if segment.continuesFootage == true, state == nil || cursor == segment.start {
                guard let video = segment.spec.shot.sourceVideo else { throw KinoKitError.takeNotComplete(take.raw) }
                // The extension starts from the last frame the footage shows.
                try verifyUnchanged(video.media)
                sizedSpec.startFrame = try loadVideoFrame(video.media.path, index: video.clipFrame(forShotFrame: segment.start - 1, projectRate: p.frameRate), size: size)
                sink.offset = segment.start
                request = .render(sizedSpec, FrameRange(cursor - segment.start, end - segment.start))
                // Its checkpoints count frames from the clip's end, not the shot's start: they are
                // not stored, and regenerating such a segment starts again from the clip's frame.
                _ = try engine.generate(request, sink: sink, progress: progress, cancel: cancel)
                sink.offset = 0
                state = nil
                cursor = end
                if cursor >= range.upperBound { break }
                continue
            }
            if let s = state {
                if s.frame == segment.start && recipe.kind == .refine && segment.start == recipe.ownStart {
                    request = .refine(sizedSpec, from: s, range: FrameRange(cursor, end))
                } else {
                    request = .extend(sizedSpec, from: s, frames: end - cursor)
                }
            } else {
                request = .render(sizedSpec, FrameRange(cursor, end))
            }
            let result = try engine.generate(request, sink: sink, progress: progress, cancel: cancel)
            for c in result.checkpoints {
                stored.append(StoredCheckpoint(takeID: take, frame: c.frame, engine: c.engine.description, state: c.state))
            }
            state = result.checkpoints.last { $0.frame == end } ?? result.checkpoints.max { $0.frame < $1.frame }
            cursor = end
            if cursor >= range.upperBound { break }
        }
        return (stored, sink.thumbnails)
    }

    /// The segments (with their inputs) that made frames `range` of a take, through its lineage.
    func originalSegments(of take: TakeID, covering range: Range<Int>) throws -> [TakeRecipe.Segment] {
        guard let (_, text) = try store.take(take) else { throw KinoKitError.takeNotComplete(take.raw) }
        let recipe = try TakeRecipe.decode(text)
        var out: [TakeRecipe.Segment] = []
        if range.lowerBound < recipe.ownStart, let parent = recipe.parent {
            out += try originalSegments(of: parent, covering: range.lowerBound..<min(range.upperBound, recipe.ownStart))
        }
        for seg in recipe.segments {
            let lo = max(seg.start, range.lowerBound), hi = min(seg.end, range.upperBound)
            if lo < hi { var s = seg; s.start = lo; s.end = hi; out.append(s) }
        }
        return out
    }

    /// The engine state of a take just before drawing frame `f` (nil: the shot's start state).
    /// Follows the lineage: inherited frames ask the parent; own frames continue from the
    /// take's nearest stored checkpoint, simulating (without drawing) the rest of the way.
    func state(take: TakeID, at f: Int) throws -> Checkpoint? {
        guard let (_, text) = try store.take(take) else { throw KinoKitError.takeNotComplete(take.raw) }
        let recipe = try TakeRecipe.decode(text)
        if f < recipe.ownStart, let parent = recipe.parent { return try state(take: parent, at: f) }
        let p = project
        if let c = try store.checkpoint(take: take, atOrBefore: f), c.frame >= recipe.ownStart {
            let cp = try restore(c)
            if c.frame == f { return cp }
            guard let seg = recipe.segments.last(where: { $0.start <= c.frame }) else { return cp }
            return try engine.simulate(try spec(seg.spec, quality: .preview, project: p), from: cp, to: f)
        }
        if recipe.ownStart > 0, let parent = recipe.parent {
            let base = try state(take: parent, at: recipe.ownStart)
            if f == recipe.ownStart { return base }
            return try engine.simulate(try spec(recipe.segments[0].spec, quality: .preview, project: p), from: base, to: f)
        }
        if f == 0 { return nil }
        return try engine.simulate(try spec(recipe.segments[0].spec, quality: .preview, project: p), from: nil, to: f)
    }

    private func decodeFootage(_ video: VideoSource, range: Range<Int>, size: Resolution, rate: FrameRate, sink: FrameSink,
                               progress: GenerationProgress, cancel: CancelToken) throws {
        guard FileManager.default.fileExists(atPath: video.media.path) else { throw KinoKitError.missingFile(video.media.path) }
        try verifyUnchanged(video.media)
        let decoder = try VideoDecoder(path: video.media.path)
        for f in range {
            if cancel.isCancelled { throw GenerationError.cancelled }
            let src = video.clipFrame(forShotFrame: f, projectRate: rate)
            try sink.receive(frameIndex: f, frame: try decoder.frame(at: src).resizedToCover(width: size.width, height: size.height))
            progress.advance()
        }
    }

    private func loadVideoFrame(_ path: String, index: Int, size: Resolution) throws -> Frame {
        guard FileManager.default.fileExists(atPath: path) else { throw KinoKitError.missingFile(path) }
        return try VideoDecoder(path: path).frame(at: index).resizedToCover(width: size.width, height: size.height)
    }

    private func restore(_ c: StoredCheckpoint) throws -> Checkpoint {
        guard c.engine == engine.identity.description else {
            throw GenerationError.incompatibleCheckpoint("it was written by \(c.engine), this is \(engine.identity)")
        }
        return Checkpoint(frame: c.frame, engine: engine.identity, state: c.state)
    }

    /// Makes sure frames [range) of a take exist in the cache at `size`, regenerating missing
    /// ones from the recipe (the parent's frames for inherited ones).
    func ensureFrames(take tid: TakeID, range: Range<Int>, size: Resolution, progress: GenerationProgress,
                      cancel: CancelToken, onFrame: (@Sendable (Int, Frame) -> Void)?) throws {
        guard let (take, text) = try store.take(tid) else { throw KinoKitError.takeNotComplete(tid.raw) }
        let recipe = try TakeRecipe.decode(text)
        let runs = cache.missingRuns(take: tid, size: size, range: range)
        progress.start(total: runs.reduce(0) { $0 + $1.count })
        for run in runs {
            if run.lowerBound < recipe.ownStart, let parent = recipe.parent {
                let inherited = run.lowerBound..<min(run.upperBound, recipe.ownStart)
                try ensureFrames(take: parent, range: inherited, size: size, progress: progress, cancel: cancel, onFrame: nil)
                try FileManager.default.createDirectory(atPath: cache.folder(take: tid, size: size), withIntermediateDirectories: true)
                for f in inherited {
                    let dst = cache.path(take: tid, size: size, frame: f)
                    if link(cache.path(take: parent, size: size, frame: f), dst) != 0 && !cache.contains(take: tid, size: size, frame: f) {
                        guard let fr = cache.read(take: parent, size: size, frame: f) else { throw KinoKitError.shotHasNoFrames(take.shotID.raw) }
                        try cache.write(fr, take: tid, size: size, index: f)
                    }
                    progress.advance()
                }
            }
            guard run.upperBound > recipe.ownStart else { continue }
            let own = max(run.lowerBound, recipe.ownStart)..<run.upperBound
            // Continue from the take's latest checkpoint at or before the run.
            let frames = (try? store.checkpointFrames(take: tid)) ?? []
            let start = frames.last { $0 <= own.lowerBound && $0 >= recipe.ownStart } ?? recipe.ownStart
            try generateOwn(take: tid, recipe: recipe, range: start..<own.upperBound, size: size,
                            progress: progress, cancel: cancel, onFrame: nil, thumbnails: false)
        }
        if let onFrame {
            for f in range { if let fr = cache.read(take: tid, size: size, frame: f) { onFrame(f, fr) } }
        }
    }

    /// A cached frame of a take, following hard links to the parent's frames.
    func resolveCached(take: TakeID, frame: Int, size: Resolution) throws -> Frame? {
        if let f = cache.read(take: take, size: size, frame: frame) { return f }
        // One pass for the rest of the take: whoever asks for one frame usually asks for the next.
        guard let (t, _) = try store.take(take), frame < t.frameCount else { return nil }
        try ensureFrames(take: take, range: frame..<t.frameCount, size: size, progress: GenerationProgress(),
                         cancel: CancelToken(), onFrame: nil)
        return cache.read(take: take, size: size, frame: frame)
    }
}

extension Frame {
    /// Scales to fill `width`×`height`, cropping the overflow (centre crop).
    func resizedToCover(width w: Int, height h: Int) -> Frame {
        let scale = max(Double(w) / Double(width), Double(h) / Double(height))
        let cw = min(width, Int((Double(w) / scale).rounded())), ch = min(height, Int((Double(h) / scale).rounded()))
        let x0 = (width - cw) / 2, y0 = (height - ch) / 2
        var crop = [UInt8](repeating: 0, count: cw * ch * 4)
        for y in 0..<ch {
            let src = ((y0 + y) * width + x0) * 4
            crop.replaceSubrange(y * cw * 4..<(y + 1) * cw * 4, with: pixels[src..<src + cw * 4])
        }
        return Frame(width: cw, height: ch, pixels: crop).resized(width: w, height: h)
    }
}

/// Decodes an image file, with one error for a missing file and one for an unreadable one.
func loadImageChecked(_ path: String) throws -> Frame {
    guard FileManager.default.fileExists(atPath: path) else { throw KinoKitError.missingFile(path) }
    do { return try decodeImage(at: path) } catch {
        throw KinoKitError.notAnImage(path, detail: (error as? LocalizedError)?.errorDescription ?? "\(error)")
    }
}
