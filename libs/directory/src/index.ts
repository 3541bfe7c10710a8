export * from './directory.module';
export * from './directory.service';
export * from './directory.repository';
export * from './directory.types';
export * from './directory.exception';
export * from './agency-names.service';
export { ShelterResponse } from './dto/directory.response';
