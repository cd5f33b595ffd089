import KinoCore
import KinoEngine

/// What the engine reads in a shot's prompt as the project stands, with no session or file:
/// the editor asks it on every keystroke while a prompt is typed, so the understood and
/// not-understood words show before anything is saved or rendered.
/// `ProjectSession.interpret(shot:)` is this on the stored shot.
public enum PromptReading {
    public static func report(of shot: Shot, in project: Project,
                              engine: any GenerationEngine = ProjectSession.defaultEngine()) -> PromptReport {
        let snap = SpecSnapshot(project: project, shot: shot)
        let spec = ShotSpec(shot: snap.shot, characters: snap.characters, lighting: snap.lighting,
                            sceneEnvironment: snap.environment, frameRate: snap.frameRate,
                            resolution: RenderQuality.preview.resolution(for: project))
        return engine.interpret(spec)
    }
}
