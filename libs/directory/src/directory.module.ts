import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/audit';
import { DirectoryController } from './directory.controller';
import { DirectoryRepository } from './directory.repository';
import { DirectoryService } from './directory.service';
import { AgencyNames } from './agency-names.service';

@Module({
  imports: [AuditModule],
  controllers: [DirectoryController],
  providers: [DirectoryRepository, DirectoryService, AgencyNames],
  exports: [DirectoryService, DirectoryRepository, AgencyNames],
})
export class DirectoryModule {}
