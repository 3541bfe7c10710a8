'use strict';
// The framework ceiling: a minimal Nest app on the same HTTP stack as Ruta (Nest 12 on Express,
// helmet, the JSON body parser, pino-http request logging) answering one bare endpoint.
// Started by bench/run.js with PORT set; never part of Ruta itself.
const { Controller, Get, Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const express = require('express');
const helmet = require('helmet').default;
const { Logger, LoggerModule } = require('nestjs-pino');

class PingController {
  ping() {
    return { status: 'ok' };
  }
}
Controller('ping')(PingController);
Get()(PingController.prototype, 'ping', Object.getOwnPropertyDescriptor(PingController.prototype, 'ping'));

class BareModule {}
Module({ imports: [LoggerModule.forRoot({ pinoHttp: { level: 'info' } })], controllers: [PingController] })(BareModule);

async function main() {
  const app = await NestFactory.create(BareModule, { bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api/v1');
  app.use(helmet());
  app.use(express.json({ limit: '1mb' }));
  await app.listen(Number(process.env.PORT), '127.0.0.1');
  process.stdout.write('ready\n');
}

main().catch((err) => {
  process.stderr.write(`bare app: ${err.message}\n`);
  process.exit(1);
});
