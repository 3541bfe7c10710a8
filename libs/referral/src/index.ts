export * from './referral.module';
export * from './referral.service';
export * from './referral.view';
export * from './eligibility';
export * from './referral.exception';
export * from './dto/referral.dto';
