import KinoEngine
import KinoMedia

// The CLI and the editor stand on KinoKit alone; these engine vocabulary types are part of
// its API.
public typealias PromptReport = KinoEngine.PromptReport
public typealias GenerationProgress = KinoEngine.GenerationProgress
public typealias CancelToken = KinoEngine.CancelToken
public typealias EngineIdentity = KinoEngine.EngineIdentity
public typealias ExportCodec = KinoMedia.ExportCodec
