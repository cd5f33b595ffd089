import Foundation
import KinoCore
import KinoEngine

extension ProjectSession {
    /// The subject's matte at `frame` of a shot, as a picture: white where the subject is,
    /// black elsewhere, grey along its anti-aliased edge; what `kino frame --matte` writes,
    /// for compositing the subject over other footage.
    public func subjectMatte(shot id: ShotID, at frame: Int, quality: RenderQuality) throws -> Frame {
        let p = project
        guard let shot = p.shot(id) else { throw ValidationError.unknownShot(id.raw, count: p.shots.count) }
        guard frame >= 0, frame < shot.duration else {
            throw KinoKitError.timePastEnd(shot: id.raw, time: String(format: "%.3f", p.frameRate.seconds(frames: frame)),
                                           length: String(format: "%.3f", p.frameRate.seconds(frames: shot.duration)))
        }
        let spec = try spec(SpecSnapshot(project: p, shot: shot), quality: quality, project: p)
        guard let matte = try engine.subjectMatte(spec, frame: frame) else {
            throw GenerationError.engineFailure("\(engine.identity) cannot tell which pixels are the subject, so it makes no matte")
        }
        var pixels = [UInt8](repeating: 255, count: matte.count * 4)
        for i in matte.indices { pixels[i * 4] = matte[i]; pixels[i * 4 + 1] = matte[i]; pixels[i * 4 + 2] = matte[i] }
        return Frame(width: spec.resolution.width, height: spec.resolution.height, pixels: pixels)
    }
}
