import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import { AppError } from '../errors.js';
import { IngestError } from '../../ingest/errors.js';

/** The one error handler: 4xx carry a Vietnamese message and a code; 5xx details stay in logs. */
export default fp(
  async (app) => {
    app.setErrorHandler((err: FastifyError | AppError | IngestError, req, reply) => {
      if (err instanceof AppError) {
        if (err.detail) req.log.info({ code: err.code, detail: err.detail }, 'request refused');
        return reply.status(err.statusCode).send({ error: err.code, message: err.message });
      }
      if (err instanceof IngestError) {
        req.log.info({ code: err.code, detail: err.message }, 'upload refused');
        const status = err.code === 'invalid:too_large' ? 413 : err.code === 'invalid:upload_type' ? 415 : 422;
        return reply.status(status).send({ error: err.code, message: err.userMessage });
      }
      const fe = err as FastifyError;
      if (fe.validation) {
        req.log.info({ detail: fe.message }, 'validation failed');
        return reply.status(400).send({ error: 'invalid:request', message: 'Yêu cầu không hợp lệ. Vui lòng kiểm tra lại nội dung gửi lên.', detail: fe.message });
      }
      const status = fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 500;
      if (status === 429) {
        return reply.status(429).send({ error: 'rate_limited', message: 'Bạn gửi quá nhiều yêu cầu. Vui lòng đợi một chút rồi thử lại.' });
      }
      if (status < 500) {
        req.log.info({ code: fe.code, detail: fe.message }, 'client error');
        return reply.status(status).send({ error: fe.code ? `invalid:${fe.code.toLowerCase()}` : 'invalid:request', message: vietnameseFor(status) });
      }
      req.log.error({ err }, 'unhandled error');
      return reply.status(500).send({ error: 'internal', message: 'Hệ thống đang gặp sự cố. Vui lòng thử lại sau.' });
    });

    app.setNotFoundHandler((req, reply) => {
      reply.status(404).send({ error: 'not_found:route', message: 'Không tìm thấy trang hoặc đường dẫn này.' });
    });
  },
  { name: 'errors' },
);

function vietnameseFor(status: number): string {
  switch (status) {
    case 401:
      return 'Bạn cần đăng nhập.';
    case 403:
      return 'Bạn không có quyền thực hiện thao tác này.';
    case 404:
      return 'Không tìm thấy nội dung yêu cầu.';
    case 413:
      return 'Tệp hoặc nội dung gửi lên quá lớn.';
    case 415:
      return 'Định dạng nội dung không được hỗ trợ.';
    default:
      return 'Yêu cầu không hợp lệ.';
  }
}
