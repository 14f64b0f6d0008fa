// Registers the explicit behaviour of every simulated class.
import './session.js';
import './event.js';
import './task.js';
import './host.js';
import './host-power.js';
import './pool.js';
import './pool-master.js';
import './pool-ha.js';
import './vm.js';
import './vm-power.js';
import './vm-clone.js';
import './vm-migrate.js';
import './sr.js';
import './sr-attach.js';
import './vdi.js';
import './vbd.js';
import './vif.js';
