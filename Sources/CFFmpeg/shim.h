#ifndef KINO_CFFMPEG_SHIM_H
#define KINO_CFFMPEG_SHIM_H
#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libswscale/swscale.h>
#include <libswresample/swresample.h>
#include <libavutil/channel_layout.h>
#include <libavutil/avutil.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libavutil/error.h>
#include <libavutil/pixdesc.h>

/* Macros Swift cannot import. */
static inline int kino_averror(int e) { return AVERROR(e); }
static inline int kino_averror_eof(void) { return AVERROR_EOF; }
static inline int64_t kino_av_nopts_value(void) { return AV_NOPTS_VALUE; }
static inline int kino_averror_invaliddata(void) { return AVERROR_INVALIDDATA; }
static inline int kino_averror_encoder_not_found(void) { return AVERROR_ENCODER_NOT_FOUND; }
static inline int kino_averror_stream_not_found(void) { return AVERROR_STREAM_NOT_FOUND; }

/* AVFrame's data/linesize are fixed C arrays, which Swift sees as tuples: index them here. */
static inline uint8_t *kino_frame_data(const AVFrame *f, int plane) { return f->data[plane]; }
static inline int kino_frame_linesize(const AVFrame *f, int plane) { return f->linesize[plane]; }

/* Converts one packed picture (e.g. RGBA) into an AVFrame's planes. */
static inline int kino_sws_packed_to_frame(struct SwsContext *c, const uint8_t *src, int srcStride,
                                           int srcHeight, AVFrame *dst) {
    const uint8_t *s[4] = { src, NULL, NULL, NULL };
    const int ss[4] = { srcStride, 0, 0, 0 };
    return sws_scale(c, s, ss, 0, srcHeight, dst->data, dst->linesize);
}

/* Converts an AVFrame's planes into one packed picture (e.g. RGBA). */
static inline int kino_sws_frame_to_packed(struct SwsContext *c, const AVFrame *src,
                                           uint8_t *dst, int dstStride) {
    uint8_t *d[4] = { dst, NULL, NULL, NULL };
    const int ds[4] = { dstStride, 0, 0, 0 };
    return sws_scale(c, (const uint8_t *const *)src->data, src->linesize, 0, src->height, d, ds);
}

/* Points swscale at BT.709 / BT.601 / BT.2020 coefficients (SWS_CS_*) and the given ranges
   (1 = full/JPEG, 0 = limited/TV) for both the source and the destination side. */
static inline int kino_sws_set_colorspace(struct SwsContext *c, int srcSpace, int srcFullRange,
                                          int dstSpace, int dstFullRange) {
    return sws_setColorspaceDetails(c, sws_getCoefficients(srcSpace), srcFullRange,
                                    sws_getCoefficients(dstSpace), dstFullRange,
                                    0, 1 << 16, 1 << 16);
}

/* Resamples one decoded frame (any layout, format, rate) into two float planes; a NULL frame
   drains what the resampler still holds. Returns samples written per plane or an AVERROR. */
static inline int kino_swr_to_stereo(struct SwrContext *s, float *left, float *right, int outCount,
                                     const AVFrame *f) {
    uint8_t *out[2] = { (uint8_t *)left, (uint8_t *)right };
    if (!f) return swr_convert(s, out, outCount, NULL, 0);
    return swr_convert(s, out, outCount, (const uint8_t **)f->extended_data, f->nb_samples);
}

/* Points an AVFrame's first two planes at caller-owned float buffers (planar stereo). */
static inline void kino_frame_set_planes(AVFrame *f, float *left, float *right) {
    f->data[0] = (uint8_t *)left; f->data[1] = (uint8_t *)right;
    f->extended_data = f->data;
}
/* Adds a chapter with a title to an output context before its header is written (libavformat's
   own avpriv_new_chapter is private). The context frees it with the rest. */
static inline int kino_add_chapter(AVFormatContext *s, int64_t id, AVRational tb, int64_t start, int64_t end,
                                   const char *title) {
    AVChapter *c = av_mallocz(sizeof(AVChapter));
    if (!c) return AVERROR(ENOMEM);
    c->id = id; c->time_base = tb; c->start = start; c->end = end;
    av_dict_set(&c->metadata, "title", title, 0);
    int n = (int)s->nb_chapters;
    av_dynarray_add(&s->chapters, &n, c);
    if (n == (int)s->nb_chapters) { av_dict_free(&c->metadata); av_free(c); return AVERROR(ENOMEM); }
    s->nb_chapters = (unsigned int)n;
    return 0;
}
#endif
