import Foundation
import KinoCore
import KinoEngine
import KinoInterchange
import KinoMedia
import KinoStore

public typealias InterchangeFormat = KinoInterchange.InterchangeFormat
public typealias InterchangeMedia = KinoInterchange.InterchangeMedia

/// What an interchange export wrote.
public struct InterchangeExportResult: Sendable {
    public var path: String
    public var format: String
    public var clips: Int
    /// The media files (or PNG folders) written for the clips, beside the timeline.
    public var mediaFiles: [String]
    public var bytes: Int
}

/// What an import did.
public struct InterchangeImportResult: Sendable {
    public var projectPath: String
    public var shotsAdded: Int
    public var scenesAdded: Int
    /// What was not carried over as it was: gaps, transitions, effects, extra tracks.
    public var report: [String]
}

extension ProjectSession {
    /// Writes the timeline as `format` (by default the one `path`'s extension names) with
    /// per-shot media beside it in NAME_media/ (none for `.none`, and an .otioz holds its
    /// media inside). Missing frames are rendered on the way. The file is written under a
    /// temporary name and renamed when complete; a missing folder is refused before anything
    /// is rendered.
    @discardableResult
    public func exportInterchange(to path: String, format: InterchangeFormat? = nil, media: InterchangeMedia = .prores,
                                  progress: GenerationProgress = GenerationProgress(),
                                  cancel: CancelToken = CancelToken()) throws -> InterchangeExportResult {
        let request = try checkedInterchange(path: path, format: format?.rawValue, media: media.rawValue)
        let destination = request.path, format = request.format
        guard !project.shots.isEmpty else { throw KinoKitError.nothingToExport }

        let written = try writeClipMedia(for: destination, media: media, bundled: format == .otioz, progress: progress, cancel: cancel)
        let p = project
        var takes: [ShotID: Take] = [:]
        for s in p.shots {
            if let t = s.currentTakeID, let take = self.takes(of: s.id).first(where: { $0.id == t }) { takes[s.id] = take }
        }
        var refs = written.refs
        if media == .none {
            let cache = FrameCache(directory: cacheDirectory)
            for s in p.shots {
                let reason = takes[s.id].map { "take \($0.id)'s frames are in \(cache.folder(take: $0.id, size: p.settings.resolution))" }
                    ?? "shot \(s.id) has no take yet"
                refs[s.id] = .missing(reason: reason)
            }
        }
        let cut = Cut(project: p, media: refs, takes: takes)
        let data: Data
        switch format {
        case .otio: data = Data(try OTIOWriter.write(cut).utf8)
        case .otioz:
            var zip = ZipArchive()
            zip.add("version.txt", Data("1.0.0".utf8))
            zip.add("content.otio", Data(try OTIOWriter.write(cut).utf8))
            for file in written.files {
                guard let bytes = FileManager.default.contents(atPath: file) else { throw KinoKitError.missingFile(file) }
                zip.add("media/" + (file as NSString).lastPathComponent, bytes)
            }
            data = try zip.bytes()
            for file in written.files { try? FileManager.default.removeItem(atPath: file) }
            if let dir = written.folder { try? FileManager.default.removeItem(atPath: dir) }
        case .edl: data = Data(try EDLWriter.write(cut).utf8)
        case .fcpxml: data = Data(try FCPXMLWriter.write(cut).utf8)
        case .kdenlive: data = Data(try KdenliveWriter.write(cut).utf8)
        }
        let final = try writeFileAtomically(data, to: destination)
        return InterchangeExportResult(path: final, format: format.rawValue, clips: cut.clips.count,
                                       mediaFiles: format == .otioz ? [] : written.files, bytes: data.count)
    }

    /// The folder per-shot media goes in: cut_media/ beside cut.otio.
    public static func interchangeMediaFolder(for destination: String) -> String {
        let base = ((destination as NSString).lastPathComponent as NSString).deletingPathExtension
        return ((destination as NSString).deletingLastPathComponent as NSString).appendingPathComponent(base + "_media")
    }

    /// Exports every shot's frames as its own file (or PNG folder) and returns the references.
    private func writeClipMedia(for destination: String, media: InterchangeMedia, bundled: Bool,
                                progress: GenerationProgress, cancel: CancelToken)
        throws -> (refs: [ShotID: ClipMedia], files: [String], folder: String?) {
        let codec: ExportCodec
        switch media {
        case .none: return ([:], [], nil)
        case .prores: codec = .prores
        case .h264: codec = .h264
        case .png: codec = .png
        }
        let folder = bundled ? (destination as NSString).deletingLastPathComponent + "/.\((destination as NSString).lastPathComponent).media-\(getpid())"
            : Self.interchangeMediaFolder(for: destination)
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw KinoKitError.folderUnwritable(folder)
        }
        let p = project
        let starts = p.shotStarts
        var refs: [ShotID: ClipMedia] = [:]
        var files: [String] = []
        for (i, shot) in p.shots.enumerated() {
            let name = codec == .png ? shot.id.raw : "\(shot.id.raw).\(codec.fileExtension)"
            let file = (folder as NSString).appendingPathComponent(name)
            let result = try export(to: file, codec: codec.rawValue, range: starts[i]..<(starts[i] + shot.duration),
                                    progress: progress, cancel: cancel)
            files.append(result.path)
            let url = bundled ? "media/\(name)" : OTIOWriter.fileURL(result.path)
            if codec == .png {
                refs[shot.id] = .imageSequence(urlBase: url + "/", namePrefix: "frame_", nameSuffix: ".png",
                                               startFrame: 1, padding: 6, frames: result.frames)
            } else {
                refs[shot.id] = .movie(url: url, frames: result.frames)
            }
        }
        return (refs, files, bundled ? folder : nil)
    }

    /// Imports an OpenTimelineIO timeline (.otio, or an .otioz bundle) into this project as new
    /// scenes and shots, as one edit (undo removes the whole import).
    @discardableResult
    public func importInterchange(from path: String) throws -> InterchangeImportResult {
        let timeline = try Self.readTimeline(path)
        let plan = try lock.withLock {
            let plan = try timeline.timeline.plan(into: project, media: try Self.mediaFacts(timeline.timeline, file: path, using: self),
                                                  label: (path as NSString).lastPathComponent)
            try apply(plan.edit)
            return plan
        }
        return InterchangeImportResult(projectPath: self.path, shotsAdded: plan.shotsAdded, scenesAdded: plan.scenesAdded, report: plan.report)
    }

    /// Creates a new project at `projectPath` from an OpenTimelineIO timeline. A timeline Kino
    /// wrote comes back as the project it was (ids, scenes, characters, lighting, markers).
    public static func importInterchange(from path: String, toNewProject projectPath: String,
                                         engine: any GenerationEngine = ProjectSession.defaultEngine())
        throws -> (ProjectSession, InterchangeImportResult) {
        if FileManager.default.fileExists(atPath: projectPath) { throw StoreError.alreadyExists(projectPath) }
        let read = try readTimeline(path)
        let t = read.timeline
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let settings = t.kinoProject?.settings ?? ProjectSettings(name: t.name.isEmpty ? stem : String(t.name.prefix(Limits.maxNameLength)),
                                                                  frameRate: t.frameRate)
        let base = Project(settings: settings)
        let facts = try mediaFacts(t, file: path, using: nil)
        let plan = try t.plan(into: base, media: facts, label: (path as NSString).lastPathComponent)
        let session = try ProjectSession.create(at: projectPath, project: plan.project, engine: engine)
        return (session, InterchangeImportResult(projectPath: projectPath, shotsAdded: plan.shotsAdded,
                                                 scenesAdded: plan.scenesAdded, report: plan.report))
    }

    static func readTimeline(_ path: String) throws -> (timeline: ImportedTimeline, folder: String) {
        guard let data = FileManager.default.contents(atPath: path) else { throw KinoKitError.missingFile(path) }
        var abs = (path as NSString).standardizingPath
        if !abs.hasPrefix("/") { abs = FileManager.default.currentDirectoryPath + "/" + abs }
        let folder = (abs as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        if path.lowercased().hasSuffix(".otioz") {
            let zip = try ZipArchive.read(data, file: name)
            guard let content = zip.entries.first(where: { $0.name == "content.otio" }) else {
                throw InterchangeError.notABundle(file: name, reason: "it holds no content.otio")
            }
            // Media inside a bundle is unpacked beside it, into NAME_media/, to be referenced.
            let media = interchangeMediaFolder(for: abs)
            let reader = OTIOReader(fileName: name, folder: media)
            let t = try reader.read(content.data)
            let needed = Set(t.clips.compactMap { c -> String? in if case .file(let p) = c.media, c.kinoShot == nil { return p }; return nil })
            if !needed.isEmpty {
                try FileManager.default.createDirectory(atPath: media, withIntermediateDirectories: true)
                for e in zip.entries where e.name.hasPrefix("media/") {
                    let target = (media as NSString).appendingPathComponent(String(e.name.dropFirst(6)))
                    guard needed.contains(target) else { continue }
                    _ = try writeFileAtomically(e.data, to: target)
                }
            }
            return (t, media)
        }
        return (try OTIOReader(fileName: name, folder: folder).read(data), folder)
    }

    /// Checks and hashes the files that foreign clips (those without a Kino record) point at.
    static func mediaFacts(_ t: ImportedTimeline, file: String, using session: ProjectSession?) throws -> [String: MediaFacts] {
        var facts: [String: MediaFacts] = [:]
        let name = (file as NSString).lastPathComponent
        for (i, clip) in t.clips.enumerated() {
            let what = clip.name.isEmpty ? "clip \(i + 1)" : "clip '\(clip.name)'"
            // Every file a clip names must exist; a Kino clip is rebuilt from its record, so
            // only foreign clips' files are probed and hashed.
            if case .file(let path) = clip.media, !FileManager.default.fileExists(atPath: path) {
                throw InterchangeError.mediaMissing(file: name, item: what, path: path)
            }
            if case .imageSequence(let path) = clip.media, !FileManager.default.fileExists(atPath: path) {
                throw InterchangeError.mediaMissing(file: name, item: what, path: path)
            }
            guard clip.kinoShot == nil else { continue }
            switch clip.media {
            case .file(let path):
                guard facts[path] == nil else { continue }
                guard FileManager.default.fileExists(atPath: path) else { throw InterchangeError.mediaMissing(file: name, item: what, path: path) }
                let info = try probeVideo(at: path)
                facts[path] = MediaFacts(contentHash: try hashFileContents(path), frameRate: info.frameRate, frameCount: info.frameCount)
            case .imageSequence(let image):
                guard facts[image] == nil else { continue }
                guard FileManager.default.fileExists(atPath: image) else { throw InterchangeError.mediaMissing(file: name, item: what, path: image) }
                guard let data = FileManager.default.contents(atPath: image) else { throw KinoKitError.missingFile(image) }
                _ = data
                _ = try loadImageChecked(image)
                facts[image] = MediaFacts(contentHash: try hashFileContents(image))
            case .missing: break
            }
        }
        return facts
    }
}
