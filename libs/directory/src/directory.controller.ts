import { Body, Controller, Get, Headers, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags, ApiOkResponse, ApiCreatedResponse } from '@nestjs/swagger';
import { Actor, Allow, ApiPageResponse, ApiRefusals, CommonErrorCode, countryNames, CurrentActor, CurrentRequest, optionalIfMatch, pageList, PageQueryDto, ParseIdPipe, ProblemException, RequestMeta, SignedIn } from '@ruta/core';
import { DirectoryService } from './directory.service';
import { CreateAgencyDto, UpdateAgencyDto } from './dto/agency.dto';
import { CreateShelterDto, UpdateShelterDto } from './dto/shelter.dto';
import { AgencyResponse, BorderPointResponse, CountryResponse, ProvinceResponse, ServiceResponse, ShelterResponse } from './dto/directory.response';

@ApiTags('directory')
@ApiBearerAuth()
@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('agencies')
  @SignedIn()
  @ApiOperation({ summary: 'Agencies' })
  @ApiPageResponse(AgencyResponse)
  @ApiRefusals()
  async agencies(@Query() query: PageQueryDto) {
    return pageList(await this.directory.listAgencies(), query, (x: { code: string }) => x.code);
  }

  @Post('agencies')
  @Allow('admin')
  @ApiOperation({ summary: 'Create an agency' })
  @ApiCreatedResponse({ type: AgencyResponse })
  @ApiRefusals(409, 422)
  createAgency(@Body() dto: CreateAgencyDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.directory.createAgency(dto, actor, meta);
  }

  @Patch('agencies/:code')
  @Allow('admin')
  @ApiOperation({ summary: 'Rename or deactivate an agency (its code never changes)' })
  @ApiOkResponse({ type: AgencyResponse })
  @ApiRefusals(404, 409, 422)
  updateAgency(@Param('code') code: string, @Body() dto: UpdateAgencyDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.directory.updateAgency(code, dto, actor, meta);
  }

  @Get('shelters')
  @SignedIn()
  @ApiOperation({ summary: 'Shelters with occupancy' })
  @ApiPageResponse(ShelterResponse)
  @ApiRefusals()
  async shelters(@Query() query: PageQueryDto) {
    return pageList(await this.directory.listShelters(), query, (x: { id: string }) => x.id);
  }

  @Post('shelters')
  @Allow('admin')
  @ApiOperation({ summary: 'Create a shelter' })
  @ApiCreatedResponse({ type: ShelterResponse })
  @ApiRefusals(409, 422)
  createShelter(@Body() dto: CreateShelterDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.directory.createShelter(dto, actor, meta);
  }

  @Patch('shelters/:id')
  @Allow('admin')
  @ApiHeader({ name: 'If-Match', required: false, description: 'Shelter version; a stale one answers 409' })
  @ApiOperation({ summary: 'Change a shelter: capacity, eligibility, operator' })
  @ApiOkResponse({ type: ShelterResponse })
  @ApiRefusals(404, 409, 422)
  updateShelter(
    @Param('id', ParseIdPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateShelterDto,
    @CurrentActor() actor: Actor,
    @CurrentRequest() meta: RequestMeta,
  ) {
    return this.directory.updateShelter(id, optionalIfMatch(ifMatch), dto, actor, meta);
  }

  @Get('catalog/services')
  @SignedIn()
  @ApiOperation({ summary: 'Service catalog' })
  @ApiPageResponse(ServiceResponse)
  @ApiRefusals()
  async services(@Query() query: PageQueryDto) {
    return pageList(await this.directory.listServices(), query, (x: { code: string }) => x.code);
  }

  @Get('catalog/provinces')
  @SignedIn()
  @ApiOperation({ summary: 'Provinces of Ecuador with INEC codes' })
  @ApiPageResponse(ProvinceResponse)
  @ApiRefusals()
  async provinces(@Query() query: PageQueryDto) {
    return pageList(await this.directory.listProvinces(), query, (x: { code: string }) => x.code);
  }

  @Get('catalog/border-points')
  @SignedIn()
  @ApiOperation({ summary: 'Border points and airports (officers\' units)' })
  @ApiPageResponse(BorderPointResponse)
  @ApiRefusals()
  async borderPoints(@Query() query: PageQueryDto) {
    return pageList(await this.directory.listBorderPoints(), query, (x: { code: string }) => x.code);
  }

  @Get('catalog/countries')
  @SignedIn()
  @ApiOperation({ summary: 'Countries (ISO 3166-1 alpha-3) with their names in Spanish and English, Ecuador\'s borders and routes first' })
  @ApiPageResponse(CountryResponse)
  @ApiRefusals()
  countries(@Query() query: PageQueryDto) {
    return pageList(countryNames(), query, (x) => x.code);
  }
}
