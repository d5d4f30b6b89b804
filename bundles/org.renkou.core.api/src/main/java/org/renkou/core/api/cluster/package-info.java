/**
 * What the nodes of one installation share (集群): {@link org.renkou.core.api.cluster.ClusterJobs} runs a scheduled
 * job on one node only, {@link org.renkou.core.api.cluster.FileStore} keeps files in the folder every node sees
 * ({@code RENKOU_FILES}). On embedded Derby there is one node, which runs every job and owns the folder.
 */
@Version("1.0.0")
@Export
package org.renkou.core.api.cluster;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
