import type { StreamPoint } from '../../contract/index.js'

/** What a beacon tells about a point; absent janus keys mean "no Janus on that instance". */
export type StreamPointAnnouncement = Omit<
  StreamPoint,
  'uuid' | 'createdDate' | 'modifiedDate' | 'lastLive'
>
