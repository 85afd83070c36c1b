import { Module } from '@nestjs/common';
import { BoardResolver } from './board.resolver';
import { BoardService } from './board.service';

/** Board mandates (issue 18.2): who sat on the styrelse and as revisor, for whom and when. */
@Module({ providers: [BoardService, BoardResolver], exports: [BoardService] })
export class BoardModule {}
