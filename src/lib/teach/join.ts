/**
 * The join links a class's page and projector view show, as the server works them out
 * (`joinLinks` in $lib/server/teacher): a shape shared by the server and the components.
 */

/** What the join panel and the projector show for a class's code. */
export interface JoinLinks {
	/** The link in the QR code: on a network address when the teacher is on `localhost`. */
	joinUrl: string;
	/** The same link on the computer's other network addresses. */
	otherUrls: string[];
	/** The teacher's page is on loopback, so the links name the network instead. */
	loopback: boolean;
	/**
	 * On loopback, and no phone can reach this computer: it is on no network, or the server
	 * listens on loopback alone (`HOST=127.0.0.1`).
	 */
	unreachable: boolean;
}
