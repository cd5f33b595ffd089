#ifndef KINO_CFFMPEG_SHIM_H
#define KINO_CFFMPEG_SHIM_H
#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libswscale/swscale.h>
#include <libavutil/avutil.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libavutil/error.h>
#include <libavutil/pixdesc.h>

/* Macros Swift cannot import. */
static inline int kino_averror(int e) { return AVERROR(e); }
static inline int kino_averror_eof(void) { return AVERROR_EOF; }
static inline int64_t kino_av_nopts_value(void) { return AV_NOPTS_VALUE; }
#endif
